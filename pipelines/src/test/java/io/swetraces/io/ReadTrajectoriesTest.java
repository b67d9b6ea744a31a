package io.swetraces.io;

import static org.junit.Assert.assertEquals;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.transforms.TraceMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Reading files into trajectories: every row once, with its own row number, whatever the lanes,
 * checkpoints and formats; each row parsed into a trajectory or a reject of its stage; the first N
 * rows of each (agent, model) pair.
 */
public class ReadTrajectoriesTest {
  private static final Path SAMPLE = Path.of("..", "src", "sample", "oswt-sample.jsonl");

  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void everyRowOnceInLanes() throws Exception {
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

  /**
   * Checkpoints every few rows, in plain and gzipped JSON Lines, Parquet with small row groups and
   * JSON arrays: each read resumes with the cursor it stopped with, and every row comes out once.
   */
  @Test
  public void everyRowOnceAcrossCheckpointsResumedInPlace() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    List<String> expected = new ArrayList<>();
    Files.writeString(in.resolve("plain.jsonl"), lines(in.resolve("plain.jsonl"), 120, expected));
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in.resolve("packed.jsonl.gz")))) {
      gz.write(lines(in.resolve("packed.jsonl.gz"), 90, expected).getBytes(StandardCharsets.UTF_8));
    }
    StringBuilder array = new StringBuilder("[");
    for (int i = 0; i < 70; i++) {
      array.append(i > 0 ? ",\n" : "").append(row(i));
      expected.add(in.resolve("rows.json") + " " + i + " i" + i);
    }
    Files.writeString(in.resolve("rows.json"), array.append("]").toString());
    writeParquet(in.resolve("groups.parquet"), 150, expected);

    ReadTrajectories.Result read = pipeline.apply(
        ReadTrajectories.from(List.of(TraceSource.of(in + "/*"))).withConcurrentReads(2).withCheckpointChars(300));
    PAssert.that(shown(read.trajectories())).containsInAnyOrder(expected);
    PAssert.that(read.rejects()).empty();
    PAssert.thatSingleton(read.rowsRead()).isEqualTo((long) expected.size());
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(0, counter(result, TraceMetrics.READS_REOPENED));
    long resumed = counter(result, TraceMetrics.READS_RESUMED);
    assertEquals("resumed reads: " + resumed, true, resumed > 50);
  }

  @Test
  public void parsesRealRowsAndRejectsBadOnesWithTheirStage() throws Exception {
    List<String> sample = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
    Path file = tmp.newFile("rows.jsonl").toPath();
    Files.writeString(file, sample.get(0) + "\n" + sample.get(14) + "\n"
        + "{\"messages\": [{\"role\": \"user\"\n"
        + "{\"messages\": [{\"role\": \"user\", \"content\": 3}]}\n"
        + "\"just a string\"\n");

    ReadTrajectories.Result read = pipeline.apply(ReadTrajectories.from(List.of(TraceSource.of(file.toString()))));
    PAssert.that(read.trajectories().apply("Show", MapElements.into(TypeDescriptors.strings())
            .via(t -> t.getPosition() + " " + t.getInstanceId() + " " + t.getAgent() + "/" + t.getModel() + " "
                + t.getMessages().size() + " " + t.roleCount("system") + "/" + t.roleCount("user") + "/"
                + t.roleCount("assistant") + "/" + t.roleCount("tool"))))
        .containsInAnyOrder(
            "0 6e44b9__sweagenttestrepo-1c2844 sweagent/gpt_4o 10 1/1/4/4",
            "1 ponylang__ponyc-4595 openhands/llama_4_maverick 47 1/1/23/22");
    PAssert.that(read.rejects().apply("ShowRejects", MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.getPosition() + " " + r.getStage() + " " + r.getReason())))
        .containsInAnyOrder("2 normalize malformed_json", "3 normalize wrong_type", "4 normalize not_an_object");
    PAssert.thatSingleton(read.rowsRead()).isEqualTo(5L);
    PAssert.thatSingleton(read.sampledOut()).isEqualTo(0L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void flagsOverrideTags() throws Exception {
    Path file = tmp.newFile("rows.jsonl").toPath();
    Files.writeString(file, Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(0) + "\n");
    PCollection<Trajectory> read = pipeline
        .apply(ReadTrajectories.from(List.of(TraceSource.of(file.toString()))).withAgent("a").withModel("m"))
        .trajectories();
    PAssert.that(read.apply(MapElements.into(TypeDescriptors.strings()).via(t -> t.getAgent() + "/" + t.getModel())))
        .containsInAnyOrder("a/m");
    pipeline.run().waitUntilFinish();
  }

  /**
   * The first two of each pair by file name, then row: across files whose path names their pair
   * (read only as far as needed: the last one is never opened) and files whose rows name it.
   */
  @Test
  public void firstRowsOfEachPairByFileThenRow() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Path known = Files.createDirectories(in.resolve("hub/openhands/m1"));
    Files.writeString(known.resolve("part-0.jsonl"), tagged(null, null, 0, 1));
    Files.writeString(known.resolve("part-1.jsonl"), tagged(null, null, 2, 3));
    // Rows name their pair: openhands/m1 (whose first rows come from "a.jsonl", before "hub/"), sweagent/m1.
    Files.writeString(in.resolve("a.jsonl"), "\n\n" + tagged("openhands", "m1", 4) + tagged("sweagent", "m1", 5, 6, 7));
    Files.writeString(in.resolve("b.jsonl"), tagged("openhands", "m1", 8));

    ReadTrajectories.Result read = pipeline.apply(
        ReadTrajectories.from(List.of(TraceSource.of(in + "/*.jsonl"), TraceSource.of(known + "/*.jsonl")))
            .withFirstRowsPerPair(2));
    PAssert.that(read.trajectories().apply(MapElements.into(TypeDescriptors.strings()).via(Trajectory::getInstanceId)))
        .containsInAnyOrder("i4", "i8", "i5", "i6");
    // Read: i0 and i1 of the hub files (then their pair had two), and the five rows of a and b.
    PAssert.thatSingleton(read.rowsRead()).isEqualTo(7L);
    PAssert.thatSingleton(read.sampledOut()).isEqualTo(3L);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(1, counter(result, TraceMetrics.FILES_NOT_READ));
  }

  private void assertReadsEveryRow(int lanes, boolean splittable) throws Exception {
    Path in = tmp.newFolder("in").toPath();
    List<String> expected = new ArrayList<>();
    int[] sizes = {250, 1, 130};
    for (int f = 0; f < sizes.length; f++) {
      Path file = in.resolve("part-" + f + ".jsonl");
      Files.writeString(file, lines(file, sizes[f], expected));
    }
    Files.writeString(in.resolve("notes.txt"), "not rows");

    ReadTrajectories.Result read = pipeline.apply(ReadTrajectories.from(List.of(TraceSource.of(in + "/*")))
        .withConcurrentReads(lanes)
        .withSplittableReads(splittable));
    PAssert.that(shown(read.trajectories())).containsInAnyOrder(expected);
    PAssert.that(read.rejects().apply("Rejects", MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.getSource() + " " + r.getPosition() + " " + r.getReason())))
        .empty();
    PAssert.thatSingleton(read.notTrajectoryFiles()).isEqualTo(1L); // notes.txt, found by a glob
    PAssert.thatSingleton(read.rowsRead()).isEqualTo(381L); // the rows of the three .jsonl files
    pipeline.run().waitUntilFinish();
  }

  private static PCollection<String> shown(PCollection<Trajectory> trajectories) {
    return trajectories.apply("Shown", MapElements.into(TypeDescriptors.strings())
        .via((Trajectory t) -> t.getSource() + " " + t.getPosition() + " " + t.getInstanceId()));
  }

  private static String row(int i) {
    return "{\"messages\": [{\"role\": \"user\", \"content\": \"task " + i + "\"}], \"instance_id\": \"i" + i + "\"}";
  }

  private static String lines(Path file, int rows, List<String> expected) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      text.append(row(i)).append('\n');
      expected.add(file + " " + i + " i" + i);
    }
    return text.toString();
  }

  private static String tagged(String agent, String model, int... ids) {
    StringBuilder text = new StringBuilder();
    for (int i : ids) {
      text.append("{\"messages\": [], \"instance_id\": \"i").append(i).append('"');
      if (agent != null) {
        text.append(", \"_agent\": \"").append(agent).append("\", \"_model\": \"").append(model).append('"');
      }
      text.append("}\n");
    }
    return text.toString();
  }

  /** Rows with the trajectory schema's message column, in row groups of a few rows each. */
  private static void writeParquet(Path file, int rows, List<String> expected) throws IOException {
    Schema message = SchemaBuilder.record("Message").fields()
        .requiredString("role").requiredString("content").endRecord();
    Schema schema = SchemaBuilder.record("Row").fields()
        .name("messages").type().array().items(message).noDefault()
        .requiredString("instance_id").endRecord();
    ParquetIO.Sink sink = ParquetIO.sink(schema).withRowGroupSize(1024);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      sink.open(channel);
      for (int i = 0; i < rows; i++) {
        GenericRecord m = new GenericData.Record(message);
        m.put("role", "user");
        m.put("content", "task " + i + " " + "x".repeat(i % 13 * 11));
        GenericRecord r = new GenericData.Record(schema);
        r.put("messages", List.of(m));
        r.put("instance_id", "i" + i);
        sink.write(r);
        expected.add(file + " " + i + " i" + i);
      }
      sink.flush();
    }
  }

  private static long counter(PipelineResult result, Counter counter) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(counter.getName().getNamespace(), counter.getName().getName()))
        .build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
