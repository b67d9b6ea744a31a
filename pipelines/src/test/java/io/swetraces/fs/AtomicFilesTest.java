package io.swetraces.fs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.MimeTypes;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A file appears under its name only once complete: not after a failed write, nor a killed one. */
public class AtomicFilesTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aCompleteWriteReplacesTheFile() throws Exception {
    Path dir = tmp.newFolder("out").toPath();
    Files.writeString(dir.resolve("summary.json"), "old");
    AtomicFiles.write(FileSystems.matchNewResource(dir + "/summary.json", false), MimeTypes.TEXT,
        "new".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("summary.json"), names(dir));
    assertEquals("new", Files.readString(dir.resolve("summary.json")));
  }

  @Test
  public void aFailedWriteLeavesNothing() throws Exception {
    Path dir = tmp.newFolder("out").toPath();
    IOException failure = assertThrows(IOException.class,
        () -> AtomicFiles.write(FileSystems.matchNewResource(dir + "/report.html", false), MimeTypes.TEXT, out -> {
          out.write(ByteBuffer.wrap("<html>".getBytes(StandardCharsets.UTF_8)));
          throw new IOException("disk full");
        }));
    assertEquals("disk full", failure.getMessage());
    assertEquals(List.of(), names(dir));
  }

  /** A writer killed mid-file (it waits forever after its first bytes) leaves only its temporary file. */
  @Test
  public void aKilledWriteLeavesNothingUnderTheName() throws Exception {
    Path dir = tmp.newFolder("out").toPath();
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StalledWriter.class.getName(), dir.resolve("sft.jsonl").toString())
        .redirectErrorStream(true).start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (names(dir).isEmpty() || Files.size(dir.resolve(names(dir).get(0))) < StalledWriter.BYTES) {
      if (!writer.isAlive()) {
        fail("the writer stopped: " + new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      assertTrue("the writer wrote nothing in time", System.nanoTime() < deadline);
      Thread.sleep(20);
    }
    writer.destroyForcibly().waitFor();
    List<String> left = names(dir);
    assertEquals(left.toString(), 1, left.size());
    assertTrue(left.get(0), left.get(0).startsWith(".sft.jsonl.tmp-"));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Writes the start of a file, then waits to be killed. */
  public static final class StalledWriter {
    static final int BYTES = 10_000;

    public static void main(String[] args) throws IOException {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
      AtomicFiles.write(FileSystems.matchNewResource(args[0], false), MimeTypes.TEXT, out -> {
        out.write(ByteBuffer.wrap(new byte[BYTES]));
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }
}
