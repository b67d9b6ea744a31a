package io.swetraces.io;

import io.swetraces.model.Reject;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A file the run may not read (permissions; here a format that meets the denial) is one reject,
 * {@code unreadable_file}, and the other files are read: the run goes on.
 */
public class UnreadableFileTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void aFileThatCannotBeOpenedIsOneReject() throws Exception {
    Path dir = tmp.getRoot().toPath();
    List<String> sample = Files.readAllLines(Path.of("..", "src", "sample", "oswt-sample.jsonl"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("rows.jsonl"), sample.get(0) + "\n" + sample.get(1) + "\n");
    Files.writeString(dir.resolve("locked.denied"), "x");
    ReadTrajectories.Result read = pipeline.apply(ReadTrajectories.from(List.of(TraceSource.of(dir + "/*")))
        .withFormats(TraceFormats.defaults().with(new DeniedFormat())));
    PAssert.that(read.trajectories().apply(Count.globally())).containsInAnyOrder(2L);
    PAssert.that(read.rejects().apply(MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.getStage() + " " + r.getReason() + " " + r.getPosition())))
        .containsInAnyOrder("read unreadable_file -1");
    pipeline.run().waitUntilFinish();
  }

  /** Opens nothing: the file system refuses, as it does a file without read permission. */
  private static final class DeniedFormat implements TraceFormat {
    @Override
    public String name() {
      return "denied";
    }

    @Override
    public boolean accepts(String fileName) {
      return fileName.endsWith(".denied");
    }

    @Override
    public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws AccessDeniedException {
      throw new AccessDeniedException(file.path());
    }
  }
}
