package io.swetraces.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.hub.SourceUnavailableException;
import io.swetraces.text.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;

/**
 * A {@code .json} file holding an array of rows (as Hugging Face dataset dumps and {@code
 * json.dump(rows)} write them), or a single row object. Read as a stream, one row at a time; the
 * whole file is one resume position, so a split read takes it whole.
 */
public final class JsonArrayFormat implements TraceFormat {
  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".json");
  }

  @Override
  public void read(TraceFile file, long from, long firstRow, RowSink sink) throws IOException {
    if (from > 0 || !sink.claim(0, 0)) {
      return;
    }
    try (InputStream in = Channels.newInputStream(file.open());
        JsonParser parser = Json.MAPPER.createParser(in)) {
      long position = 0;
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          sink.reject(-1, "empty_file", "the file holds no rows", "");
          return;
        }
        if (first == JsonToken.START_OBJECT) {
          sink.row(0, Json.write(parser.readValueAsTree()));
          return;
        }
        if (first != JsonToken.START_ARRAY) {
          sink.reject(-1, "not_an_object", "the file is neither a JSON array of rows nor one row", "");
          return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          JsonNode row = parser.readValueAsTree();
          if (row != null && row.isObject()) {
            sink.row(position, Json.write(row));
          } else {
            String text = String.valueOf(row);
            sink.reject(position, "not_an_object", "element " + position + " is not a JSON object", text);
          }
          position++;
        }
        if (position == 0) {
          sink.reject(-1, "empty_file", "the array holds no rows", "");
        }
      } catch (IOException e) {
        SourceUnavailableException.rethrowIfUnavailable(e);
        // Malformed JSON, invalid UTF-8 or truncation: rows before it stand, the rest is one reject.
        sink.reject(position, "malformed_json",
            "reading stopped at element " + position + ": " + e.getMessage(), "");
      }
    }
  }
}
