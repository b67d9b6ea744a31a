package io.swetraces.report;

import io.swetraces.fs.AtomicFiles;
import io.swetraces.stats.RunSummary;
import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the report of a run from its summary into a folder, each file under a temporary name until
 * complete, and passes the summary on, so whatever follows runs after the report exists.
 */
public final class WriteReport extends PTransform<PCollection<RunSummary>, PCollection<RunSummary>> {
  private final String directory;

  private WriteReport(String directory) {
    this.directory = directory;
  }

  /** {@code directory} is any Beam path: local, {@code gs://}, ... */
  public static WriteReport to(String directory) {
    return new WriteReport(directory);
  }

  @Override
  public PCollection<RunSummary> expand(PCollection<RunSummary> summary) {
    return summary.apply("RenderAndWrite", ParDo.of(new WriteReportFn(directory)));
  }

  static final class WriteReportFn extends DoFn<RunSummary, RunSummary> {
    private final String directory;

    WriteReportFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void process(@Element RunSummary summary, OutputReceiver<RunSummary> out) throws IOException {
      ResourceId dir = FileSystems.matchNewResource(directory, true);
      for (Map.Entry<String, byte[]> file : ReportPage.render(summary).entrySet()) {
        ResourceId target = dir;
        String[] parts = file.getKey().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
          target = target.resolve(parts[i], StandardResolveOptions.RESOLVE_DIRECTORY);
        }
        target = target.resolve(parts[parts.length - 1], StandardResolveOptions.RESOLVE_FILE);
        AtomicFiles.write(target, MimeTypes.BINARY, file.getValue());
      }
      out.output(summary);
    }
  }
}
