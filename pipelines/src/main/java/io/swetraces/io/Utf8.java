package io.swetraces.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: invalid bytes are an error to report, never silently replaced. */
final class Utf8 {
  private Utf8() {}

  /**
   * The JDK's own String decoding is the fast one but replaces bad bytes with U+FFFD; only when
   * that character shows up (bad bytes, or a real U+FFFD) is the text decoded again, strictly.
   */
  static String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    return text.indexOf('\uFFFD') < 0 ? text : strict(bytes, offset, length);
  }

  private static String strict(byte[] bytes, int offset, int length) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
    return chars.toString();
  }

  /** The bytes some editors write at the start of a UTF-8 file; not part of its text. */
  static final int BYTE_ORDER_MARK_LENGTH = 3;

  /** Whether {@code b[at, end)} starts with a UTF-8 byte order mark. */
  static boolean byteOrderMarkAt(byte[] b, int at, int end) {
    return end - at >= BYTE_ORDER_MARK_LENGTH
        && (b[at] & 0xFF) == 0xEF && (b[at + 1] & 0xFF) == 0xBB && (b[at + 2] & 0xFF) == 0xBF;
  }

  /** A readable excerpt of bytes that may not be valid UTF-8. */
  static String lenient(byte[] bytes, int offset, int length) {
    int n = Math.min(length, 1024);
    return new String(bytes, offset, n, StandardCharsets.UTF_8);
  }
}
