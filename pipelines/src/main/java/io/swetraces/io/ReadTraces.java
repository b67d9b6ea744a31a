package io.swetraces.io;

import io.swetraces.model.RawRow;
import io.swetraces.model.Reject;
import io.swetraces.transforms.TraceMetrics;
import io.swetraces.transforms.WithRejects;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads trajectory rows from files matching some patterns, on any Beam file system. The format is
 * chosen per file by its name ({@code .parquet}, {@code .jsonl}, {@code .json}, each optionally
 * compressed); what cannot be read comes out as a reject, never as an exception.
 */
public final class ReadTraces extends PTransform<PBegin, WithRejects<RawRow>> {
  /** The formats read unless told otherwise. */
  public static final List<TraceFormat> DEFAULT_FORMATS =
      List.of(new ParquetFormat(), new JsonLinesFormat(), new JsonArrayFormat());

  private static final TupleTag<RawRow> ROWS = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final List<String> patterns;
  private final List<TraceFormat> formats;

  private ReadTraces(List<String> patterns, List<TraceFormat> formats) {
    this.patterns = List.copyOf(patterns);
    this.formats = List.copyOf(formats);
  }

  public static ReadTraces from(List<String> patterns) {
    return new ReadTraces(patterns, DEFAULT_FORMATS);
  }

  /** Reads with these formats, the first one accepting a file name wins. */
  public ReadTraces withFormats(List<TraceFormat> formats) {
    return new ReadTraces(patterns, formats);
  }

  @Override
  public WithRejects<RawRow> expand(PBegin begin) {
    var tuple =
        begin
            .apply("InputPatterns", Create.of(patterns))
            .apply("MatchFiles",
                FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD))
            .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.AUTO))
            .apply("ReadRows",
                ParDo.of(new ReadFileFn(formats)).withOutputTags(ROWS, TupleTagList.of(REJECTS)));
    return WithRejects.of(tuple, ROWS, REJECTS);
  }

  static final class ReadFileFn extends DoFn<FileIO.ReadableFile, RawRow> {
    private final List<TraceFormat> formats;

    ReadFileFn(List<TraceFormat> formats) {
      this.formats = formats;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out)
        throws IOException {
      String source = file.getMetadata().resourceId().toString();
      RowSink rowSink =
          new RowSink() {
            @Override
            public void row(long position, String json) {
              TraceMetrics.ROWS_READ.inc();
              out.get(ROWS).output(RawRow.of(source, position, json));
            }

            @Override
            public void reject(long position, String reason, String detail, String excerpt) {
              TraceMetrics.ROWS_READ.inc();
              TraceMetrics.READ_REJECTS.inc();
              out.get(REJECTS).output(Reject.of(source, position, "read", reason, detail, excerpt));
            }
          };
      read(TraceFile.of(file), formats, rowSink);
    }
  }

  /** Reads one file with the first format that accepts its name, or rejects it as a whole. */
  public static void read(TraceFile file, List<TraceFormat> formats, RowSink sink) throws IOException {
    String name = file.uncompressedName();
    for (TraceFormat format : formats) {
      if (format.accepts(name)) {
        format.read(file, sink);
        return;
      }
    }
    sink.reject(-1, "unsupported_format",
        "no reader for this file name (expected .parquet, .jsonl, .jsonl.gz or .json)", "");
  }
}
