package io.swetraces.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class WriteLinesTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void everyLineOnceInTheShardsAndNoPartLeft() throws Exception {
    Path dir = tmp.newFolder("sft").toPath();
    List<String> lines = IntStream.range(0, 2_000).mapToObj(i -> "{\"n\": " + i + ", \"é\": true}").toList();
    PCollection<String> names =
        pipeline.apply(Create.of(lines)).apply(WriteLines.to(dir + "/sft").withSuffix(".jsonl").withNumShards(3));
    List<String> shards = IntStream.range(0, 3).mapToObj(i -> dir + "/sft-0000" + i + "-of-00003.jsonl").toList();
    PAssert.that(names).containsInAnyOrder(shards);
    pipeline.run().waitUntilFinish();

    List<String> written = new ArrayList<>();
    for (String shard : shards) {
      written.addAll(Files.readAllLines(Path.of(shard), StandardCharsets.UTF_8));
    }
    assertEquals(lines.stream().sorted().toList(), written.stream().sorted().toList());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(shards, left.map(Path::toString).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  public void shardsWithoutLinesAreWrittenEmpty() throws Exception {
    Path dir = tmp.newFolder("rejects").toPath();
    pipeline.apply(Create.empty(org.apache.beam.sdk.coders.StringUtf8Coder.of()))
        .apply(WriteLines.to(dir + "/rejects").withSuffix(".jsonl").withNumShards(2));
    pipeline.run().waitUntilFinish();
    assertEquals(0, Files.size(dir.resolve("rejects-00000-of-00002.jsonl")));
    assertEquals(0, Files.size(dir.resolve("rejects-00001-of-00002.jsonl")));
  }

  @Test
  public void everyShardStartsWithTheHeader() throws Exception {
    Path dir = tmp.newFolder("analysis").toPath();
    pipeline.apply(Create.of(List.of("1,a", "2,b", "3,c")))
        .apply(WriteLines.to(dir + "/analysis").withSuffix(".csv").withHeader("n,x").withNumShards(2));
    pipeline.run().waitUntilFinish();
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<String> shard = Files.readAllLines(dir.resolve("analysis-0000" + i + "-of-00002.csv"));
      assertEquals("n,x", shard.get(0));
      rows.addAll(shard.subList(1, shard.size()));
    }
    assertEquals(List.of("1,a", "2,b", "3,c"), rows.stream().sorted().toList());
  }

  @Test
  public void kernelAndBufferCopiesWriteTheSameBytes() throws Exception {
    Path dir = tmp.newFolder("parts").toPath();
    List<ResourceId> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path part = dir.resolve("part-" + i);
      // Larger than one copy buffer, so both ways copy in several steps.
      Files.write(part, ("part " + i + " é\n").repeat(200_000).getBytes(StandardCharsets.UTF_8));
      parts.add(FileSystems.matchNewResource(part.toString(), false));
    }
    byte[] head = "h1,h2\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(head);
    for (int i = 0; i < 3; i++) {
      expected.write(Files.readAllBytes(dir.resolve("part-" + i)));
    }
    WriteLines.ConcatenateFn.concatenate(head, parts, FileSystems.matchNewResource(dir + "/out/local.csv", false));
    assertArrayEquals(expected.toByteArray(), Files.readAllBytes(dir.resolve("out/local.csv")));
    ByteArrayOutputStream buffered = new ByteArrayOutputStream();
    WriteLines.ConcatenateFn.copy(head, parts, Channels.newChannel(buffered));
    assertArrayEquals(expected.toByteArray(), buffered.toByteArray());
  }

  @Test
  public void aFailedShardLeavesNothingUnderItsName() throws Exception {
    Path dir = tmp.newFolder("failed").toPath();
    Files.writeString(dir.resolve("part-0"), "row\n");
    List<ResourceId> parts = List.of(FileSystems.matchNewResource(dir + "/part-0", false),
        FileSystems.matchNewResource(dir + "/gone", false));
    ResourceId shard = FileSystems.matchNewResource(dir + "/out/sft-00000-of-00001.jsonl", false);
    assertThrows(IOException.class, () -> WriteLines.ConcatenateFn.concatenate(new byte[0], parts, shard));
    try (Stream<Path> left = Files.list(dir.resolve("out"))) {
      assertEquals(List.of(), left.toList());
    }
  }
}
