package io.swetraces.stats;

import io.swetraces.fs.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;

/** Writes {@code summary.json} (one summary), under a temporary name until it is complete; outputs its path. */
public final class WriteSummary extends PTransform<PCollection<RunSummary>, PCollection<String>> {
  private final String path;

  private WriteSummary(String path) {
    this.path = path;
  }

  /** {@code path} is any Beam path: local, {@code gs://}, ... */
  public static WriteSummary to(String path) {
    return new WriteSummary(path);
  }

  @Override
  public PCollection<String> expand(PCollection<RunSummary> summary) {
    return summary.apply("WriteSummaryJson", ParDo.of(new WriteSummaryFn(path)));
  }

  static final class WriteSummaryFn extends DoFn<RunSummary, String> {
    private final String path;

    WriteSummaryFn(String path) {
      this.path = path;
    }

    @ProcessElement
    public void process(@Element RunSummary summary, OutputReceiver<String> out) throws IOException {
      byte[] json = (summary.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(FileSystems.matchNewResource(path, false), MimeTypes.TEXT, json);
      out.output(path);
    }
  }
}
