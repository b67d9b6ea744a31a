package io.swetraces.io;

import io.swetraces.hub.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;

/**
 * JSON Lines ({@code .jsonl}, {@code .ndjson}, gzipped or not): one row per line. Each line's byte
 * offset is a resume position; a new cursor in a compressed file decompresses the bytes before it
 * again, one in a plain file seeks.
 */
public final class JsonLinesFormat implements TraceFormat {
  @Override
  public String name() {
    return "JSON Lines";
  }

  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson");
  }

  @Override
  public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws IOException {
    // A resumed read starts on the last byte of the line read last, whose end is where to go on.
    long start = Math.max(from - 1, 0);
    ReadableByteChannel channel = file.open();
    InputStream in = Channels.newInputStream(channel);
    Cursor cursor = new Cursor(in, from, from == 0 ? 0 : firstRow, maxRowBytes);
    if (from == 0) {
      return cursor;
    }
    try {
      if (channel instanceof SeekableByteChannel seekable) {
        seekable.position(start);
      } else if (in.skip(start) < start) {
        cursor.ended = true; // resumed at the end of a compressed file: nothing is left
        return cursor;
      }
      cursor.line.next(); // the rest of the line read last
    } catch (IOException e) {
      SourceUnavailableException.rethrowIfUnavailable(e);
      cursor.broken = e;
    } catch (RuntimeException e) {
      cursor.close();
      throw e;
    }
    return cursor;
  }

  private static final class Cursor implements TraceCursor {
    private final InputStream in;
    private final long from;
    private final long maxRowBytes;
    private final LineReader line;
    private long lineNo;
    private boolean any;
    private boolean ended;
    /** Why the stream could not be read on, to report at the next row. */
    private IOException broken;

    Cursor(InputStream in, long from, long firstRow, long maxRowBytes) {
      this.in = in;
      this.from = from;
      this.lineNo = firstRow;
      this.maxRowBytes = maxRowBytes;
      this.line = new LineReader(in, maxRowBytes);
    }

    /** Where the next line starts; a resumed cursor starts one byte into the line read last. */
    @Override
    public long position() {
      return Math.max(from, Math.max(from - 1, 0) + line.consumed());
    }

    @Override
    public long nextRow() {
      return lineNo;
    }

    @Override
    public boolean next(RowSink sink) throws IOException {
      if (ended) {
        return false;
      }
      try {
        if (broken != null) {
          throw broken;
        }
        if (!line.next()) {
          ended = true;
          if (!any && from == 0) {
            sink.reject(-1, "empty_file", "the file holds no rows", "");
            return true;
          }
          return false;
        }
      } catch (IOException e) {
        SourceUnavailableException.rethrowIfUnavailable(e);
        // A truncated or corrupt compressed stream: the lines before it stand.
        ended = true;
        sink.reject(lineNo, "truncated_file", "reading stopped at line " + (lineNo + 1) + ": " + e, "");
        return true;
      }
      if (line.fullLength() > maxRowBytes) {
        any = true;
        sink.reject(lineNo, "row_too_large", RowSink.tooLarge(line.fullLength(), maxRowBytes),
            Utf8.lenient(line.bytes(), 0, Math.min(line.length(), 4096)));
      } else if (!line.isBlank()) {
        any = true;
        // A byte order mark some editors write at the start of a file is not part of the row.
        int bom = lineNo == 0 && Utf8.byteOrderMarkAt(line.bytes(), 0, line.length())
            ? Utf8.BYTE_ORDER_MARK_LENGTH : 0;
        try {
          sink.text(lineNo, Utf8.decode(line.bytes(), bom, line.length() - bom));
        } catch (CharacterCodingException e) {
          sink.reject(lineNo, "invalid_utf8", "line " + (lineNo + 1) + " is not valid UTF-8",
              Utf8.lenient(line.bytes(), 0, line.length()));
        }
      }
      lineNo++;
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Splits a stream into lines, scanning a block at a time. A line's bytes are kept up to the row
   * limit; past it only its length is counted, so an oversized row never sits in memory.
   */
  private static final class LineReader {
    private final InputStream in;
    private final RowBytes line;
    private final byte[] block = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;

    LineReader(InputStream in, long maxBytes) {
      this.in = in;
      this.line = new RowBytes(maxBytes);
    }

    /** Reads the next line; false at the end of the input with nothing read. */
    boolean next() throws IOException {
      line.clear();
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
        line.add(block, pos, end);
        boolean newline = end < limit;
        int next = newline ? end + 1 : end;
        consumed += next - pos;
        pos = next;
        if (newline) {
          break;
        }
      }
      if (line.length() > 0 && line.bytes()[line.length() - 1] == '\r' && line.keptWhole()) {
        line.dropLast();
      }
      return readAny;
    }

    /** Bytes taken from the stream so far, up to the end of the last line read. */
    long consumed() {
      return consumed;
    }

    long fullLength() {
      return line.fullLength();
    }

    boolean isBlank() {
      byte[] b = line.bytes();
      for (int i = 0; i < line.length(); i++) {
        if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
          return false;
        }
      }
      return true;
    }

    byte[] bytes() {
      return line.bytes();
    }

    int length() {
      return line.length();
    }
  }
}
