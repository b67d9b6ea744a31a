package io.swetraces.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.hub.SourceUnavailableException;
import io.swetraces.text.Json;
import java.io.IOException;
import java.nio.channels.Channels;

/**
 * A {@code .json} file holding an array of rows (as Hugging Face dataset dumps and {@code
 * json.dump(rows)} write them), or a single row object. Read as a stream, one row at a time; an
 * element's index is its resume position, and a new cursor skips the elements before it unbuilt.
 */
public final class JsonArrayFormat implements TraceFormat {
  @Override
  public String name() {
    return "JSON";
  }

  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".json");
  }

  @Override
  public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws IOException {
    return new Cursor(Json.MAPPER.createParser(Channels.newInputStream(file.open())), from);
  }

  private static final class Cursor implements TraceCursor {
    private final JsonParser parser;
    private final long from;
    private long position;
    private boolean started;
    private boolean ended;

    Cursor(JsonParser parser, long from) {
      this.parser = parser;
      this.from = from;
      this.position = from;
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public long nextRow() {
      return position;
    }

    @Override
    public boolean next(RowSink sink) throws IOException {
      if (ended) {
        return false;
      }
      try {
        if (!started) {
          started = true;
          if (!start(sink)) {
            return true;
          }
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) {
          ended = true;
          if (position == 0) {
            sink.reject(-1, "empty_file", "the array holds no rows", "");
            return true;
          }
          return false;
        }
        long begin = offset(parser.currentTokenLocation());
        JsonNode row = parser.readValueAsTree();
        if (row != null && row.isObject()) {
          sink.tree(position, row, offset(parser.currentLocation()) - begin);
        } else {
          sink.reject(position, "not_an_object", "element " + position + " is not a JSON object",
              String.valueOf(row));
        }
        position++;
      } catch (IOException e) {
        SourceUnavailableException.rethrowIfUnavailable(e);
        // Malformed JSON, invalid UTF-8 or truncation: rows before it stand, the rest is one reject.
        ended = true;
        sink.reject(position, "malformed_json",
            "reading stopped at element " + position + ": " + e.getMessage(), "");
      }
      return true;
    }

    /**
     * Reads up to the first element to read: false once what the file holds is already settled (a
     * reject for the whole file, or its one row object).
     */
    private boolean start(RowSink sink) throws IOException {
      JsonToken first = parser.nextToken();
      if (first == null) {
        ended = true;
        sink.reject(-1, "empty_file", "the file holds no rows", "");
        return false;
      }
      if (first == JsonToken.START_OBJECT) {
        ended = true;
        if (from == 0) {
          long begin = offset(parser.currentTokenLocation());
          JsonNode row = parser.readValueAsTree();
          sink.tree(0, row, offset(parser.currentLocation()) - begin);
          position = 1;
        }
        return false;
      }
      if (first != JsonToken.START_ARRAY) {
        ended = true;
        sink.reject(-1, "not_an_object", "the file is neither a JSON array of rows nor one row", "");
        return false;
      }
      for (long skipped = 0; skipped < from; skipped++) {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
          ended = true;
          return false;
        }
        parser.skipChildren();
      }
      return true;
    }

    private static long offset(JsonLocation at) {
      return at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset();
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }
}
