package io.swetraces.io;

import io.swetraces.hub.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;

/**
 * A {@code .json} file: an array of rows (as Hugging Face dataset dumps and {@code json.dump(rows)}
 * write them), a single row object, or any sequence of these, JSON Lines included (the Hub holds
 * many JSON Lines files named {@code .json}). Every value in the file is a row or a reject: an
 * object is a row, anything else {@code not_an_object}. Values are found by {@link JsonValues}
 * without being built, so one over the row limit is rejected unread; a value's index in the file is
 * its resume position, and a new cursor skips the values before it.
 */
public final class JsonFormat implements TraceFormat {
  @Override
  public String name() {
    return "JSON";
  }

  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".json") || fileName.endsWith(".traj");
  }

  @Override
  public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws IOException {
    return new Cursor(Channels.newInputStream(file.open()), from, maxRowBytes);
  }

  private static final class Cursor implements TraceCursor {
    private final InputStream in;
    private final JsonValues values;
    private final long from;
    private final long maxRowBytes;
    private long position;
    private boolean skipped;
    private boolean ended;

    Cursor(InputStream in, long from, long maxRowBytes) {
      this.in = in;
      this.values = new JsonValues(in, maxRowBytes);
      this.from = from;
      this.maxRowBytes = maxRowBytes;
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
        if (!skipped) {
          skipped = true;
          for (; position < from; position++) {
            if (!values.next()) {
              ended = true;
              return false;
            }
          }
        }
        if (!values.next()) {
          ended = true;
          if (position == 0) {
            sink.reject(-1, "empty_file", "the file holds no rows", "");
            return true;
          }
          return false;
        }
      } catch (IOException e) {
        SourceUnavailableException.rethrowIfUnavailable(e);
        return stop(sink, e.toString());
      } catch (JsonValues.MalformedException e) {
        return stop(sink, e.getMessage());
      }
      emit(sink);
      position++;
      return true;
    }

    private void emit(RowSink sink) {
      RowBytes value = values.value();
      String excerpt = Utf8.lenient(value.bytes(), 0, value.length());
      if (values.kind() != JsonValues.Kind.OBJECT) {
        sink.reject(position, "not_an_object", "value " + position + " of the file is not a JSON object", excerpt);
      } else if (value.fullLength() > maxRowBytes) {
        sink.reject(position, "row_too_large", RowSink.tooLarge(value.fullLength(), maxRowBytes), excerpt);
      } else {
        try {
          sink.text(position, Utf8.decode(value.bytes(), 0, value.length()));
        } catch (CharacterCodingException e) {
          sink.reject(position, "invalid_utf8", "value " + position + " of the file is not valid UTF-8", excerpt);
        }
      }
    }

    /** Malformed JSON, invalid bytes or truncation: the values before stand, the rest is one reject. */
    private boolean stop(RowSink sink, String why) {
      ended = true;
      sink.reject(position, "malformed_json", "reading stopped at value " + position + ": " + why, "");
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
