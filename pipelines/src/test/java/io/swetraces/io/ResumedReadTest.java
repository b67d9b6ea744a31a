package io.swetraces.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A read stopped after any of its rows and resumed by a new cursor just after the position it read
 * from last, as a runner's checkpoint does when the stopped cursor was not kept, gives exactly the
 * rows, row numbers and rejects of one whole read.
 */
public class ResumedReadTest {
  private static final Path SAMPLE = Paths.get("..", "src", "sample");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void jsonLinesResumeAtEveryLine() throws Exception {
    assertResumable(messyJsonLines(), 18);
  }

  @Test
  public void gzippedJsonLinesResumeAtEveryLine() throws Exception {
    Path gz = tmp.getRoot().toPath().resolve("messy.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(messyJsonLines()));
    }
    assertResumable(gz, 18);
  }

  @Test
  public void schemaVariantsResumeAtEveryLine() throws Exception {
    assertResumable(SAMPLE.resolve("oswt-sample-variants.jsonl"), 0);
  }

  @Test
  public void parquetResumesAtEveryRow() throws Exception {
    Path parquet = tmp.getRoot().toPath().resolve("groups.parquet");
    Schema schema = SchemaBuilder.record("Row").fields().requiredLong("id").requiredString("text").endRecord();
    ParquetIO.Sink sink = ParquetIO.sink(schema).withRowGroupSize(4096);
    try (FileChannel channel = FileChannel.open(parquet, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      sink.open(channel);
      for (long i = 0; i < 300; i++) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", i);
        r.put("text", "row " + i + " " + "x".repeat((int) (i % 97) * 7));
        sink.write(r);
      }
      sink.flush();
    }
    assertResumable(parquet, 300);
  }

  @Test
  public void sampleParquetResumes() throws Exception {
    assertResumable(SAMPLE.resolve("oswt-sample-00000-of-00001.parquet"), 17);
  }

  @Test
  public void jsonArraysResumeAtEveryElement() throws Exception {
    Path json = tmp.getRoot().toPath().resolve("rows.json");
    Files.writeString(json, "[{\"a\": 1}, 7, {\"b\": [2, {\"c\": 3}]}, {\"d\": 4}]");
    assertEquals(List.of("row 0 {\"a\": 1}", "reject 1 not_an_object", "row 2 {\"b\": [2, {\"c\": 3}]}",
        "row 3 {\"d\": 4}"), read(json, 0, 0, Integer.MAX_VALUE).events);
    assertResumable(json, 3);
  }

  @Test
  public void jsonFilesOfManyValuesResumeAtEveryValue() throws Exception {
    Path json = tmp.getRoot().toPath().resolve("values.json");
    Files.writeString(json, "\uFEFF[{\"a\": 1}]\n7\n{\"b\": 2}\n[{\"c\": 3}, [4]]\n{\"d\": 5}\n");
    assertEquals(List.of("row 0 {\"a\": 1}", "reject 1 not_an_object", "row 2 {\"b\": 2}", "row 3 {\"c\": 3}",
        "reject 4 not_an_object", "row 5 {\"d\": 5}"), read(json, 0, 0, Integer.MAX_VALUE).events);
    assertResumable(json, 4);
  }

  @Test
  public void aSingleRowObjectIsOneRow() throws Exception {
    Path json = tmp.getRoot().toPath().resolve("row.json");
    Files.writeString(json, "{\"a\": 1}");
    assertEquals(List.of("row 0 {\"a\": 1}"), read(json, 0, 0, Integer.MAX_VALUE).events);
    assertResumable(json, 1);
  }

  /** The 17 sample rows with a blank line, an unparsed malformed row, invalid UTF-8 and CRLF endings. */
  private Path messyJsonLines() throws IOException {
    List<String> sample = Files.readAllLines(SAMPLE.resolve("oswt-sample.jsonl"), StandardCharsets.UTF_8);
    Path file = tmp.getRoot().toPath().resolve("messy.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < sample.size(); i++) {
        out.write(sample.get(i).getBytes(StandardCharsets.UTF_8));
        out.write(i % 5 == 0 ? "\r\n".getBytes(StandardCharsets.UTF_8) : "\n".getBytes(StandardCharsets.UTF_8));
        if (i == 3) {
          out.write("\n{\"messages\": [\n".getBytes(StandardCharsets.UTF_8));
        }
        if (i == 9) {
          out.write(new byte[] {'{', '"', (byte) 0xC3, '"', '}', '\n'});
        }
      }
    }
    return file;
  }

  /** Stops a read after each of its rows in turn, resumes it, and compares with a whole read. */
  private void assertResumable(Path file, int expectedRows) throws IOException {
    Reading whole = read(file, 0, 0, Integer.MAX_VALUE);
    assertTrue(file + " has rows", !whole.events.isEmpty());
    if (expectedRows > 0) {
      assertEquals(expectedRows, whole.events.stream().filter(e -> e.startsWith("row ")).count());
    }
    for (int steps = 1; steps < whole.steps; steps++) {
      Reading first = read(file, 0, 0, steps);
      List<String> events = new ArrayList<>(first.events);
      events.addAll(read(file, first.lastAt + 1, first.lastRow + 1, Integer.MAX_VALUE).events);
      assertEquals(file + " stopped after " + steps + " steps", whole.events, events);
    }
  }

  /** Reads at most {@code steps} times from a new cursor, recording what it was sent. */
  private static Reading read(Path file, long from, long firstRow, int steps) throws IOException {
    Reading reading = new Reading();
    TraceFile trace = TraceFile.matched(FileSystems.matchSingleFileSpec(file.toString()));
    try (TraceCursor cursor = TraceFormats.defaults().open(trace, from, firstRow, Long.MAX_VALUE)) {
      while (reading.steps < steps) {
        long at = cursor.position();
        long row = cursor.nextRow();
        assertTrue("positions grow", at > reading.lastAt);
        if (!cursor.next(reading)) {
          break;
        }
        reading.steps++;
        reading.lastAt = at;
        reading.lastRow = row;
      }
    }
    return reading;
  }

  private static final class Reading implements RowSink {
    final List<String> events = new ArrayList<>();
    int steps;
    long lastAt = -1;
    long lastRow;

    @Override
    public void text(long position, String json) {
      events.add("row " + position + " " + json);
    }

    @Override
    public void tree(long position, JsonNode row, long bytes) {
      events.add("row " + position + " " + Json.write(row));
    }

    @Override
    public void reject(long position, String reason, String detail, String excerpt) {
      events.add("reject " + position + " " + reason);
    }
  }
}
