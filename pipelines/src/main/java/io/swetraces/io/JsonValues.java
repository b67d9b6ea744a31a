package io.swetraces.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits JSON text into the values a {@code .json} file holds as rows, by scanning its bytes once,
 * without building anything: each value at the top level, and each element of a top-level array.
 * So a file may hold one array of rows, several, single row objects, or JSON Lines, and every value
 * in it is accounted for. A value's bytes are kept up to a limit; past it only its length is
 * counted, so no value larger than the row limit is ever held in memory. Whether a kept value is
 * well-formed JSON is for the parser to say; this only finds where each one ends.
 */
final class JsonValues {
  /** What a value starts with: an object is a row, anything else is not. */
  enum Kind {
    OBJECT,
    OTHER
  }


  private final InputStream in;
  private final RowBytes value;
  private final byte[] block = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean started;
  private boolean inArray;
  private Kind kind;

  JsonValues(InputStream in, long maxBytes) {
    this.in = in;
    this.value = new RowBytes(maxBytes);
  }

  /**
   * Moves to the next value; false at the end of the text.
   *
   * @throws MalformedException when the text ends inside a value, or holds a byte no value can
   *     start with where one should start
   */
  boolean next() throws IOException, MalformedException {
    value.clear();
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    while (true) {
      int c = peek();
      if (c < 0) {
        return false;
      }
      if (isSpace(c) || c == ',') {
        pos++;
      } else if (!inArray && c == '[') {
        pos++;
        inArray = true;
      } else if (inArray && c == ']') {
        pos++;
        inArray = false;
      } else if (c == ']' || c == '}' || c == ':') {
        throw new MalformedException("unexpected '" + (char) c + "' where a value should start");
      } else {
        kind = c == '{' ? Kind.OBJECT : Kind.OTHER;
        scanValue(c);
        return true;
      }
    }
  }

  Kind kind() {
    return kind;
  }

  /** The value's bytes, kept up to the limit. */
  RowBytes value() {
    return value;
  }

  private void scanValue(int first) throws IOException, MalformedException {
    if (first == '{' || first == '[') {
      scanContainer();
    } else if (first == '"') {
      take();
      scanStringRest();
    } else {
      int c;
      while ((c = peek()) >= 0 && !isSpace(c) && c != ',' && c != ']' && c != '}' && c != '['
          && c != '{' && c != '"') {
        take();
      }
    }
  }

  /** A container, counting brackets outside strings; whether they pair up is for the parser. */
  private void scanContainer() throws IOException, MalformedException {
    long depth = 0;
    while (true) {
      int c = take();
      if (c < 0) {
        throw new MalformedException("the text ends inside a value");
      }
      if (c == '"') {
        scanStringRest();
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return;
      }
    }
  }

  private void scanStringRest() throws IOException, MalformedException {
    while (true) {
      int c = take();
      if (c < 0) {
        throw new MalformedException("the text ends inside a string");
      }
      if (c == '\\') {
        if (take() < 0) {
          throw new MalformedException("the text ends inside a string");
        }
      } else if (c == '"') {
        return;
      }
    }
  }

  /** Only a whole mark is skipped; anything else starting with its first byte is left for the parser. */
  private void skipByteOrderMark() throws IOException {
    if (fill(Utf8.BYTE_ORDER_MARK_LENGTH) && Utf8.byteOrderMarkAt(block, pos, limit)) {
      pos += Utf8.BYTE_ORDER_MARK_LENGTH;
    }
  }

  /** Whether {@code n} bytes are buffered from {@code pos}, reading more as needed. */
  private boolean fill(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    System.arraycopy(block, pos, block, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < n) {
      int read = in.read(block, limit, block.length - limit);
      if (read <= 0) {
        return false;
      }
      limit += read;
    }
    return true;
  }

  private int peek() throws IOException {
    if (pos == limit && !refill()) {
      return -1;
    }
    return block[pos] & 0xFF;
  }

  /** The next byte, kept as part of the value (up to the limit); -1 at the end. */
  private int take() throws IOException {
    if (pos == limit && !refill()) {
      return -1;
    }
    byte b = block[pos++];
    value.add(b);
    return b & 0xFF;
  }

  private boolean refill() throws IOException {
    pos = 0;
    limit = Math.max(in.read(block, 0, block.length), 0);
    return limit > 0;
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** Text that is not a sequence of JSON values from here on. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }
}
