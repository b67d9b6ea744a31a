package io.swetraces.io;

import io.swetraces.model.RawRow;
import io.swetraces.model.Reject;
import io.swetraces.transforms.WithRejects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Reading in lanes through the splittable reader: the DirectRunner checkpoints it every 100 rows,
 * and every row still comes out once, with its own row number, whatever the number of lanes. The
 * plain reader reads the same.
 */
public class ReadTracesTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void everyRowOnceAcrossCheckpointsAndLanes() throws Exception {
    assertReadsEveryRow(2, true);
  }

  @Test
  public void everyRowOnceWithALanePerFile() throws Exception {
    assertReadsEveryRow(0, true);
  }

  @Test
  public void everyRowOnceReadingLanesWhole() throws Exception {
    assertReadsEveryRow(2, false);
  }

  private void assertReadsEveryRow(int lanes, boolean splittable) throws Exception {
    Path in = tmp.newFolder("in").toPath();
    List<String> expected = new ArrayList<>();
    int[] sizes = {250, 1, 130};
    for (int f = 0; f < sizes.length; f++) {
      Path file = in.resolve("part-" + f + ".jsonl");
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < sizes[f]; i++) {
        text.append("{\"i\": ").append(i).append("}\n");
        expected.add(file + " " + i + " {\"i\": " + i + "}");
      }
      Files.writeString(file, text);
    }
    Files.writeString(in.resolve("notes.txt"), "not rows");

    WithRejects<RawRow> read =
        pipeline.apply(ReadTraces.from(List.of(TraceSource.of(in + "/*")))
            .withConcurrentReads(lanes)
            .withSplittableReads(splittable));
    PAssert.that(read.output().apply("Rows", MapElements.into(TypeDescriptors.strings())
            .via((RawRow r) -> r.getSource() + " " + r.getPosition() + " " + r.getJson())))
        .containsInAnyOrder(expected);
    PAssert.that(read.rejects().apply("Rejects", MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.getSource() + " " + r.getPosition() + " " + r.getReason())))
        .containsInAnyOrder(in.resolve("notes.txt") + " -1 unsupported_format");
    pipeline.run().waitUntilFinish();
  }
}
