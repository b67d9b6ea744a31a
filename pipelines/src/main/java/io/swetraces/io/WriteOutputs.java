package io.swetraces.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.chat.ChatTemplate;
import io.swetraces.chat.LossMask;
import io.swetraces.chat.SftFormat;
import io.swetraces.chat.StudentModel;
import io.swetraces.model.AnalysisRow;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes a run's sharded outputs into its output directory: the analysis table as CSV and Parquet,
 * the SFT set as JSON Lines (and in the {@link SftFormat}s asked for, as JSON Lines and Parquet), and
 * the rejects. Every shard has an explicit count, so every runner
 * writes the same files, and each appears under its name only once complete. Outputs the names of
 * the files written, for what must come after them.
 */
public final class WriteOutputs extends PTransform<PCollectionTuple, PCollection<String>> {
  private static final TupleTag<AnalysisRow> ANALYSIS = new TupleTag<>() {};
  private static final TupleTag<Trajectory> SFT = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final OutputDir out;
  private final int shards;
  private final @Nullable StudentModel student;
  private final LossMask mask;
  private final List<SftFormat> formats;

  private WriteOutputs(OutputDir out, int shards, @Nullable StudentModel student, LossMask mask,
      List<SftFormat> formats) {
    this.out = out;
    this.shards = shards;
    this.student = student;
    this.mask = mask;
    this.formats = formats;
  }

  public static WriteOutputs to(OutputDir out) {
    return new WriteOutputs(out, 1, null, LossMask.ALL_ASSISTANT_TURNS, List.of());
  }

  public WriteOutputs withNumShards(int shards) {
    if (shards <= 0) {
      throw new IllegalArgumentException("shards must be positive, got " + shards);
    }
    return new WriteOutputs(out, shards, student, mask, formats);
  }

  /** SFT texts as this model's chat template renders them (else ChatML). */
  public WriteOutputs withStudent(@Nullable StudentModel student) {
    return new WriteOutputs(out, shards, student, mask, formats);
  }

  /** The reasoning as the mask has it, and each message's {@code train} flag from it. */
  public WriteOutputs withLossMask(LossMask mask) {
    return new WriteOutputs(out, shards, student, mask, formats);
  }

  /** The SFT set also in these formats, each as JSON Lines and Parquet under {@code sft/FORMAT/}. */
  public WriteOutputs withFormats(List<SftFormat> formats) {
    return new WriteOutputs(out, shards, student, mask, List.copyOf(formats));
  }

  /** What a run writes: its analysis rows, its training examples and its rejects. */
  public static PCollectionTuple of(
      PCollection<AnalysisRow> analysis, PCollection<Trajectory> sft, PCollection<Reject> rejects) {
    return PCollectionTuple.of(ANALYSIS, analysis).and(SFT, sft).and(REJECTS, rejects);
  }

  @Override
  public PCollection<String> expand(PCollectionTuple outputs) {
    PCollection<AnalysisRow> analysis = outputs.get(ANALYSIS);
    PCollection<String> csv = analysis
        .apply("AnalysisCsvLines", MapElements.into(TypeDescriptors.strings()).via(AnalysisTable::csvLine))
        .apply("WriteAnalysisCsv", WriteLines.to(out.path(OutputDir.ANALYSIS + "/analysis")).withSuffix(".csv")
            .withHeader(AnalysisTable.csvHeader()).withNumShards(shards));
    PCollection<String> parquet = analysis
        .apply("AnalysisAvroBytes", MapElements.into(TypeDescriptor.of(byte[].class)).via(AnalysisParquet::bytes))
        .apply("WriteAnalysisParquet", AnalysisParquet.SHARDS.write(out.path(OutputDir.ANALYSIS), "analysis", shards));
    PCollection<String> sft = outputs.get(SFT)
        .apply("SftJsonLines", ParDo.of(new SftLineFn(student, mask)))
        .apply("WriteSft", WriteLines.to(out.path(OutputDir.SFT + "/sft")).withSuffix(".jsonl").withNumShards(shards));
    PCollectionList<String> exports = PCollectionList.empty(outputs.getPipeline());
    for (SftFormat format : formats) {
      exports = exports.and(outputs.get(SFT).apply("Export" + format.name(), export(format)));
    }
    PCollection<String> rejects = outputs.get(REJECTS)
        .apply("RejectJsonLines", MapElements.into(TypeDescriptors.strings()).via(RejectRecords::jsonLine))
        .apply("WriteRejects",
            WriteLines.to(out.path(OutputDir.REJECTS + "/rejects")).withSuffix(".jsonl").withNumShards(shards));
    return PCollectionList.of(csv).and(parquet).and(sft).and(rejects).and(exports.getAll())
        .apply("AllFilesWritten", Flatten.pCollections());
  }

  /** The SFT set in one format: JSON Lines and Parquet shards of the same records. */
  private PTransform<PCollection<Trajectory>, PCollection<String>> export(SftFormat format) {
    String folder = out.path(OutputDir.SFT + "/" + format.folder());
    ParquetShards parquet = ParquetShards.of(SftExports.schema(format));
    return new PTransform<>() {
      @Override
      public PCollection<String> expand(PCollection<Trajectory> sft) {
        PCollectionTuple records = sft.apply("Records", ParDo.of(new ExportFn(format, student, mask))
            .withOutputTags(ExportFn.LINES, TupleTagList.of(ExportFn.AVRO)));
        PCollection<String> lines = records.get(ExportFn.LINES)
            .apply("WriteJsonLines", WriteLines.to(folder + "/train").withSuffix(".jsonl").withNumShards(shards));
        PCollection<String> shardsWritten = records.get(ExportFn.AVRO).setCoder(ByteArrayCoder.of())
            .apply("WriteParquet", parquet.write(folder, "train", shards));
        return PCollectionList.of(lines).and(shardsWritten).apply("Written", Flatten.pCollections());
      }
    };
  }

  /** An example in one format, as a JSON line and as the Avro bytes of the same record. */
  private static final class ExportFn extends DoFn<Trajectory, String> {
    static final TupleTag<String> LINES = new TupleTag<>() {};
    static final TupleTag<byte[]> AVRO = new TupleTag<>() {};

    private final SftFormat format;
    private final @Nullable StudentModel student;
    private final LossMask mask;
    private transient @Nullable ChatTemplate template;
    private transient ParquetShards shards;

    ExportFn(SftFormat format, @Nullable StudentModel student, LossMask mask) {
      this.format = format;
      this.student = student;
      this.mask = mask;
    }

    @Setup
    public void setup() throws IOException {
      template = student == null ? null : student.template();
      shards = ParquetShards.of(SftExports.schema(format));
    }

    @ProcessElement
    public void process(@Element Trajectory t, MultiOutputReceiver out) {
      ObjectNode record = SftExports.record(format, t, template, mask);
      out.get(LINES).output(Json.write(record));
      out.get(AVRO).output(shards.bytes((GenericRecord) SftExports.avro(shards.schema(), record)));
    }
  }

  /** An SFT record's JSON line, rendered with the student's chat template when there is one. */
  private static final class SftLineFn extends DoFn<Trajectory, String> {
    private final @Nullable StudentModel student;
    private final LossMask mask;
    private transient @Nullable ChatTemplate template;

    SftLineFn(@Nullable StudentModel student, LossMask mask) {
      this.student = student;
      this.mask = mask;
    }

    @Setup
    public void setup() throws IOException {
      template = student == null ? null : student.template();
    }

    @ProcessElement
    public void process(@Element Trajectory t, OutputReceiver<String> out) {
      out.output(SftRecords.jsonLine(t, template, mask));
    }
  }
}
