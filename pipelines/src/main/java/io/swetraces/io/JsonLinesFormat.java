package io.swetraces.io;

import io.swetraces.hub.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/**
 * JSON Lines ({@code .jsonl}, {@code .ndjson}, gzipped or not): one row per line. Each line's byte
 * offset is a resume position; a read resumed in a compressed file decompresses the bytes before it
 * again, one in a plain file seeks.
 */
public final class JsonLinesFormat implements TraceFormat {
  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson");
  }

  @Override
  public void read(TraceFile file, long from, long firstRow, RowSink sink) throws IOException {
    // A resumed read starts on the last byte of the line claimed last, whose end is where to go on.
    long start = Math.max(from - 1, 0);
    ReadableByteChannel channel = file.open();
    try (InputStream in = Channels.newInputStream(channel)) {
      if (from > 0 && channel instanceof SeekableByteChannel seekable) {
        seekable.position(start);
      }
      LineReader line = new LineReader(in, sink.maxRowBytes());
      long lineNo = firstRow;
      boolean any = false;
      try {
        if (from > 0) {
          if (!(channel instanceof SeekableByteChannel) && in.skip(start) < start) {
            return; // resumed at the end of a compressed file: nothing is left
          }
          line.next(); // the rest of the line claimed last
        }
        while (sink.claim(start + line.consumed(), lineNo + 1) && line.next()) {
          if (line.fullLength() > sink.maxRowBytes()) {
            any = true;
            sink.reject(lineNo, "row_too_large", RowSink.tooLarge(line.fullLength(), sink.maxRowBytes()),
                Utf8.lenient(line.bytes(), 0, Math.min(line.length(), 4096)));
          } else if (!line.isBlank()) {
            any = true;
            try {
              sink.row(lineNo, Utf8.decode(line.bytes(), 0, line.length()));
            } catch (CharacterCodingException e) {
              sink.reject(lineNo, "invalid_utf8", "line " + (lineNo + 1) + " is not valid UTF-8",
                  Utf8.lenient(line.bytes(), 0, line.length()));
            }
          }
          lineNo++;
        }
      } catch (IOException e) {
        SourceUnavailableException.rethrowIfUnavailable(e);
        // A truncated or corrupt compressed stream: the lines before it stand.
        sink.reject(lineNo, "truncated_file", "reading stopped at line " + (lineNo + 1) + ": " + e, "");
        return;
      }
      if (!any && from == 0) {
        sink.reject(-1, "empty_file", "the file holds no rows", "");
      }
    }
  }

  /**
   * Splits a stream into lines, scanning a block at a time. A line's bytes are kept up to the row
   * limit; past it only its length is counted, so an oversized row never sits in memory.
   */
  private static final class LineReader {
    private final InputStream in;
    private final long maxBytes;
    private final byte[] block = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] buf = new byte[1 << 16];
    private int len;
    private long fullLength;
    private long consumed;

    LineReader(InputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    /** Reads the next line; false at the end of the input with nothing read. */
    boolean next() throws IOException {
      len = 0;
      fullLength = 0;
      boolean readAny = false;
      while (true) {
        if (pos == limit) {
          limit = in.read(block, 0, block.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            break;
          }
        }
        readAny = true;
        int end = pos;
        while (end < limit && block[end] != '\n') {
          end++;
        }
        keep(pos, end);
        boolean newline = end < limit;
        int next = newline ? end + 1 : end;
        consumed += next - pos;
        pos = next;
        if (newline) {
          break;
        }
      }
      if (len > 0 && buf[len - 1] == '\r' && fullLength == len) {
        len--;
        fullLength--;
      }
      return readAny;
    }

    private void keep(int from, int to) {
      int n = to - from;
      fullLength += n;
      if (fullLength > maxBytes) {
        // Keep only the start, for the reject's excerpt.
        n = (int) Math.max(0, Math.min(n, 4096L - len));
      }
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
      System.arraycopy(block, from, buf, len, n);
      len += n;
    }

    /** Bytes taken from the stream so far, up to the end of the last line read. */
    long consumed() {
      return consumed;
    }

    long fullLength() {
      return fullLength;
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
