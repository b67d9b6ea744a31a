package io.swetraces.io;

import io.swetraces.model.Trajectory;
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
 * A read slower than the DirectRunner's checkpoint interval (one second from the first claim): the
 * runner asks for a checkpoint while the reader holds a batch of rows, and every row still comes
 * out once. The reader used to accept that checkpoint, fail its next claim and then have to output
 * the batch, which Beam forbids.
 */
public class SlowReadTest {
  private static final int ROWS = 8;
  private static final long PAUSE_MILLIS = 200;

  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void everyRowOnceWhenTheRunnerAsksForACheckpointMidBatch() throws Exception {
    Path file = tmp.newFile("rows.slow").toPath();
    Files.writeString(file, "");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      expected.add(i + " i" + i);
    }

    ReadTrajectories.Result read = pipeline.apply(
        ReadTrajectories.from(List.of(TraceSource.of(file.toString()))).withFormats(TraceFormats.of(new SlowFormat())));
    PAssert.that(read.trajectories().apply(MapElements.into(TypeDescriptors.strings())
            .via((Trajectory t) -> t.getPosition() + " " + t.getInstanceId())))
        .containsInAnyOrder(expected);
    PAssert.that(read.rejects()).empty();
    pipeline.run().waitUntilFinish();
  }

  /** Rows of a few bytes, one every {@link #PAUSE_MILLIS}: a batch never fills before the checkpoint. */
  private static final class SlowFormat implements TraceFormat {
    @Override
    public String name() {
      return "slow";
    }

    @Override
    public boolean accepts(String fileName) {
      return fileName.endsWith(".slow");
    }

    @Override
    public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) {
      return new TraceCursor() {
        private long row = from;

        @Override
        public long position() {
          return row;
        }

        @Override
        public long nextRow() {
          return row;
        }

        @Override
        public boolean next(RowSink sink) {
          if (row >= ROWS) {
            return false;
          }
          try {
            Thread.sleep(PAUSE_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
          sink.text(row, "{\"messages\": [], \"instance_id\": \"i" + row + "\"}");
          row++;
          return true;
        }

        @Override
        public void close() {}
      };
    }
  }
}
