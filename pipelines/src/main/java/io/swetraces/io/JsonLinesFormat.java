package io.swetraces.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;

/** JSON Lines ({@code .jsonl}, {@code .ndjson}, gzipped or not): one row per line. */
public final class JsonLinesFormat implements TraceFormat {
  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson");
  }

  @Override
  public void read(TraceFile file, RowSink sink) throws IOException {
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(file.open()), 1 << 16)) {
      LineBuffer line = new LineBuffer();
      long lineNo = 0;
      boolean any = false;
      while (true) {
        boolean more;
        try {
          more = line.readFrom(in);
        } catch (IOException e) {
          SourceUnavailableException.rethrowIfUnavailable(e);
          // A truncated or corrupt compressed stream: the lines before it stand.
          sink.reject(lineNo, "truncated_file", "reading stopped at line " + (lineNo + 1) + ": " + e, "");
          return;
        }
        if (!more) {
          break;
        }
        if (!line.isBlank()) {
          any = true;
          try {
            sink.row(lineNo, Utf8.decode(line.bytes(), 0, line.length()));
          } catch (CharacterCodingException e) {
            sink.reject(lineNo, "invalid_utf8", "line " + (lineNo + 1) + " is not valid UTF-8",
                Utf8.lenient(line.bytes(), 0, line.length()));
          }
        }
        lineNo++;
        if (!sink.wantsMore()) {
          return;
        }
      }
      if (!any) {
        sink.reject(-1, "empty_file", "the file holds no rows", "");
      }
    }
  }

  /** One line's bytes, without its line break, reused from line to line. */
  private static final class LineBuffer {
    private byte[] buf = new byte[1 << 16];
    private int len;

    /** Reads the next line; false at the end of the input with nothing read. */
    boolean readFrom(InputStream in) throws IOException {
      len = 0;
      int b;
      boolean readAny = false;
      while ((b = in.read()) != -1) {
        readAny = true;
        if (b == '\n') {
          break;
        }
        if (len == buf.length) {
          buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, 1 << 16));
        }
        buf[len++] = (byte) b;
      }
      if (len > 0 && buf[len - 1] == '\r') {
        len--;
      }
      return readAny;
    }

    boolean isBlank() {
      for (int i = 0; i < len; i++) {
        byte c = buf[i];
        if (c != ' ' && c != '\t' && c != '\r') {
          return false;
        }
      }
      return true;
    }

    byte[] bytes() {
      return buf;
    }

    int length() {
      return len;
    }
  }
}
