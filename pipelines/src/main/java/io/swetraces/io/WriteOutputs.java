package io.swetraces.io;

import io.swetraces.chat.ChatTemplate;
import io.swetraces.chat.StudentModel;
import io.swetraces.model.AnalysisRow;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import java.io.IOException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes a run's sharded outputs into its output directory: the analysis table as CSV and Parquet,
 * the SFT set as JSON Lines, and the rejects. Every shard has an explicit count, so every runner
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

  private WriteOutputs(OutputDir out, int shards, @Nullable StudentModel student) {
    this.out = out;
    this.shards = shards;
    this.student = student;
  }

  public static WriteOutputs to(OutputDir out) {
    return new WriteOutputs(out, 1, null);
  }

  public WriteOutputs withNumShards(int shards) {
    if (shards <= 0) {
      throw new IllegalArgumentException("shards must be positive, got " + shards);
    }
    return new WriteOutputs(out, shards, student);
  }

  /** SFT texts as this model's chat template renders them (else ChatML). */
  public WriteOutputs withStudent(@Nullable StudentModel student) {
    return new WriteOutputs(out, shards, student);
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
        .apply("WriteAnalysisParquet", AnalysisParquet.write(out.path(OutputDir.ANALYSIS), "analysis", shards));
    PCollection<String> sft = outputs.get(SFT)
        .apply("SftJsonLines", ParDo.of(new SftLineFn(student)))
        .apply("WriteSft", WriteLines.to(out.path(OutputDir.SFT + "/sft")).withSuffix(".jsonl").withNumShards(shards));
    PCollection<String> rejects = outputs.get(REJECTS)
        .apply("RejectJsonLines", MapElements.into(TypeDescriptors.strings()).via(RejectRecords::jsonLine))
        .apply("WriteRejects",
            WriteLines.to(out.path(OutputDir.REJECTS + "/rejects")).withSuffix(".jsonl").withNumShards(shards));
    return PCollectionList.of(csv).and(parquet).and(sft).and(rejects).apply("AllFilesWritten", Flatten.pCollections());
  }

  /** An SFT record's JSON line, rendered with the student's chat template when there is one. */
  private static final class SftLineFn extends DoFn<Trajectory, String> {
    private final @Nullable StudentModel student;
    private transient @Nullable ChatTemplate template;

    SftLineFn(@Nullable StudentModel student) {
      this.student = student;
    }

    @Setup
    public void setup() throws IOException {
      template = student == null ? null : student.template();
    }

    @ProcessElement
    public void process(@Element Trajectory t, OutputReceiver<String> out) {
      out.output(SftRecords.jsonLine(t, template));
    }
  }
}
