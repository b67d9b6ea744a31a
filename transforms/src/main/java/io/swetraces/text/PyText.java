package io.swetraces.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str} methods that the tutorial's numbers depend on, with Python's definitions of
 * line breaks and white space (which differ from Java's).
 */
public final class PyText {
  private PyText() {}

  /** Python's {@code str.isspace()} for one code unit (all such characters are in the BMP). */
  public static boolean isSpace(char c) {
    if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) {
      return true;
    }
    if (c < 0x80) {
      return false;
    }
    if (Character.getType(c) == Character.SPACE_SEPARATOR) {
      return true;
    }
    byte dir = Character.getDirectionality(c);
    return dir == Character.DIRECTIONALITY_WHITESPACE
        || dir == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
        || dir == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
  }

  /** Python's {@code str.strip()}. */
  public static String strip(String s) {
    int start = stripStart(s, 0, s.length());
    return s.substring(start, stripEnd(s, start, s.length()));
  }

  /** Where {@code s[from, to)} starts once its leading white space is stripped. */
  public static int stripStart(CharSequence s, int from, int to) {
    while (from < to && isSpace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  /** Where {@code s[from, to)} ends once its trailing white space is stripped. */
  public static int stripEnd(CharSequence s, int from, int to) {
    while (to > from && isSpace(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** Python's {@code str.split()} with no separator: runs of white space separate, none is empty. */
  public static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        parts.add(s.substring(start, i));
      }
    }
    return parts;
  }

  /** Python's line boundaries for {@code str.splitlines()}, {@code \r\n} aside. */
  static boolean isLineBreak(char c) {
    switch (c) {
      case '\n':
      case '\r':
      case 0x0b:
      case 0x0c:
      case 0x1c:
      case 0x1d:
      case 0x1e:
      case 0x85:
      case 0x2028:
      case 0x2029:
        return true;
      default:
        return false;
    }
  }

  /** Python's {@code str.splitlines()}: line breaks removed, no trailing empty line. */
  public static List<String> splitLines(String s) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        lines.add(s.substring(start, i));
        i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) {
      lines.add(s.substring(start));
    }
    return lines;
  }
}
