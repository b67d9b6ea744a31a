package io.swetraces.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.swetraces.io.Inputs;
import io.swetraces.transforms.TraceMetrics.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ProgressReporterTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aReportSaysWhatIsDoneAndEstimatesWhatIsLeftFromTheRate() {
    Progress halfway = new Progress(8, 500_000_000L, 5_900, 12, 5_880, 1_400);
    assertEquals("swe-traces: 50% · 500 of 1,000 MB, 8 of 16 files · 5,900 rows read: 5,880 analysed, "
            + "12 rejected, 1,400 kept · 25.0 MB/s · about 22 s left",
        ProgressReporter.line(halfway, new Inputs.Size(16, 1_000_000_000L), 25.0));
    assertEquals("swe-traces: 50% · 500 of 1,000 MB, 8 of 16 files · 5,900 rows read: 5,880 analysed, "
            + "12 rejected, 1,400 kept",
        ProgressReporter.line(halfway, new Inputs.Size(16, 1_000_000_000L), Double.NaN));
    assertEquals("swe-traces: 500 MB, 8 files · 5,900 rows read: 5,880 analysed, 12 rejected, 1,400 kept · "
            + "25.0 MB/s", ProgressReporter.line(halfway, new Inputs.Size(0, 0), 25.0));
    assertEquals("swe-traces: done in 1 min 40 s · 1,000 MB, 16 files at 10.0 MB/s · 11,828 rows read: "
            + "11,800 analysed, 28 rejected, 2,900 kept",
        ProgressReporter.finalLine(new Progress(16, 1_000_000_000L, 11_828, 28, 11_800, 2_900), 100));
    assertEquals("2 h 05 min", ProgressReporter.duration(7_500));
  }

  /** A real run in this process reports as it goes and says when it is done, with its counts. */
  @Test
  public void aRunReportsItsProgressOnTheConsole() throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl").toString(), tmp.getRoot().toPath().resolve("out"),
          "--progress=plain", "--progressSeconds=1", "--decontaminate=flag");
    } finally {
      System.setErr(err);
    }
    List<String> lines = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(l -> l.startsWith("swe-traces: ")).toList();
    String last = lines.get(lines.size() - 1);
    long bytes = Files.size(Runs.SAMPLE.resolve("oswt-sample.jsonl"));
    assertThat(last, containsString("swe-traces: done in "));
    assertThat(last, containsString(String.format(java.util.Locale.ROOT, "%,.0f MB, 1 files", bytes / 1e6)));
    assertThat(last, containsString("17 rows read: 17 analysed, 0 rejected, 5 kept"));
  }
}
