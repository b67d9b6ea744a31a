package io.swetraces.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The registry picks each file's format by its name; a new format joins without touching the others. */
public class TraceFormatsTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private TraceFile file(String name) throws Exception {
    Path path = tmp.getRoot().toPath().resolve(name);
    Files.writeString(path, "{\"a\": 1}\n");
    return TraceFile.matched(FileSystems.matchSingleFileSpec(path.toString()));
  }

  @Test
  public void eachFileGetsTheFormatOfItsName() throws Exception {
    TraceFormats formats = TraceFormats.defaults();
    assertEquals("JSON Lines", formats.forFile(file("rows.jsonl")).name());
    assertEquals("JSON Lines", formats.forFile(file("rows.ndjson.gz")).name());
    assertEquals("JSON", formats.forFile(file("rows.json")).name());
    assertEquals("Parquet", formats.forFile(file("rows.parquet")).name());
    assertNull(formats.forFile(file("rows.csv")));
  }

  @Test
  public void aNewFormatJoinsTheRegistry() throws Exception {
    TraceFormat lines = new TraceFormat() {
      @Override
      public String name() {
        return "rows";
      }

      @Override
      public boolean accepts(String fileName) {
        return fileName.endsWith(".rows");
      }

      @Override
      public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws IOException {
        return new JsonLinesFormat().open(file, from, firstRow, maxRowBytes);
      }
    };
    TraceFormats formats = TraceFormats.defaults().with(lines);
    assertSame(lines, formats.forFile(file("rows.rows")));
    assertEquals("JSON Lines", formats.forFile(file("rows.jsonl")).name());
    assertEquals(List.of("text 0 {\"a\": 1}"), read(formats, file("rows.rows")));
  }

  @Test
  public void aFileNoFormatReadsIsOneReject() throws Exception {
    assertEquals(List.of("reject -1 unsupported_format"), read(TraceFormats.defaults(), file("notes.txt")));
  }

  private static List<String> read(TraceFormats formats, TraceFile file) throws Exception {
    List<String> events = new ArrayList<>();
    RowSink sink = new RowSink() {
      @Override
      public void text(long position, String json) {
        events.add("text " + position + " " + json);
      }

      @Override
      public void tree(long position, JsonNode row, long bytes) {
        events.add("tree " + position);
      }

      @Override
      public void reject(long position, String reason, String detail, String excerpt) {
        events.add("reject " + position + " " + reason);
      }
    };
    try (TraceCursor cursor = formats.open(file, 0, 0, Long.MAX_VALUE)) {
      while (cursor.next(sink)) {
        // each call reads one row into the sink
      }
    }
    return events;
  }
}
