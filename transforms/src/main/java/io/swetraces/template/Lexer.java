package io.swetraces.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Jinja template into text and the tokens of its tags, with Jinja's whitespace control as
 * chat templates are rendered ({@code trim_blocks} and {@code lstrip_blocks} on, {@code -} on a tag
 * strips the white space next to it, a single trailing newline dropped) and the {@code generation}
 * tag of transformers removed.
 */
final class Lexer {
  enum Type { TEXT, OPEN_EXPR, CLOSE_EXPR, OPEN_STMT, CLOSE_STMT, NAME, STRING, NUMBER, OP }

  record Token(Type type, String text) {
    boolean is(Type t, String s) {
      return type == t && text.equals(s);
    }

    boolean isOp(String s) {
      return is(Type.OP, s);
    }

    boolean isName(String s) {
      return is(Type.NAME, s);
    }
  }

  private static final Pattern LSTRIP = Pattern.compile("(?m)^[ \\t]*(\\{[#%-])");
  private static final Pattern TRIM = Pattern.compile("([#%-]\\})\\n");
  private static final Pattern GENERATION = Pattern.compile("(?s)\\{%(-?)\\s*(?:end)?generation\\s*(-?)%\\}(\\s*)");
  /** Operators, longest first. */
  private static final List<String> OPS = List.of("==", "!=", "<=", ">=", "//", "**", "+", "-", "*", "/", "%",
      "~", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|");

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int at;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String template) {
    Lexer lexer = new Lexer(preprocess(template));
    lexer.run();
    return lexer.tokens;
  }

  static String preprocess(String template) {
    String s = template.endsWith("\n") ? template.substring(0, template.length() - 1) : template;
    s = LSTRIP.matcher(s).replaceAll("$1");
    s = TRIM.matcher(s).replaceAll("$1");
    StringBuilder out = new StringBuilder();
    Matcher m = GENERATION.matcher(s);
    int last = 0;
    while (m.find()) {
      int end = m.start();
      while (!m.group(1).isEmpty() && end > last && isSpace(s.charAt(end - 1))) {
        end--;
      }
      out.append(s, last, end).append(m.group(2).isEmpty() ? m.group(3) : "");
      last = m.end();
    }
    return out.append(s, last, s.length()).toString();
  }

  /** White space as JavaScript's {@code \s} (and Python's) tells it. */
  static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= 9 && c <= 13);
    }
    return c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029'
        || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff';
  }

  private Type last() {
    return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1).type();
  }

  private void run() {
    int braces = 0;
    while (at < src.length()) {
      Type last = last();
      if (last == null || last == Type.TEXT || last == Type.CLOSE_EXPR || last == Type.CLOSE_STMT) {
        int end = textEnd(at);
        if (end > at) {
          tokens.add(new Token(Type.TEXT, src.substring(at, end)));
          at = end;
          continue;
        }
        if (src.startsWith("{#", at)) {
          comment();
          continue;
        }
        boolean strip = at + 2 < src.length() && src.charAt(at + 2) == '-';
        if (strip) {
          stripTrailingText();
        }
        boolean stmt = src.charAt(at + 1) == '%';
        tokens.add(new Token(stmt ? Type.OPEN_STMT : Type.OPEN_EXPR, stmt ? "{%" : "{{"));
        braces = 0;
        at += strip ? 3 : 2;
        continue;
      }
      while (at < src.length() && isSpace(src.charAt(at))) {
        at++;
      }
      if (at >= src.length()) {
        throw new TemplateException("unexpected end of template inside a tag");
      }
      char c = src.charAt(at);
      if (c == '-' && at + 2 < src.length() && src.charAt(at + 2) == '}'
          && (src.charAt(at + 1) == '%' || src.charAt(at + 1) == '}')) {
        tokens.add(src.charAt(at + 1) == '%' ? new Token(Type.CLOSE_STMT, "%}") : new Token(Type.CLOSE_EXPR, "}}"));
        at += 3;
        while (at < src.length() && isSpace(src.charAt(at))) {
          at++;
        }
        continue;
      }
      if (src.startsWith("%}", at)) {
        tokens.add(new Token(Type.CLOSE_STMT, "%}"));
        at += 2;
        continue;
      }
      if (src.startsWith("}}", at) && braces == 0) {
        tokens.add(new Token(Type.CLOSE_EXPR, "}}"));
        at += 2;
        continue;
      }
      if (c == '\'' || c == '"') {
        at++;
        tokens.add(new Token(Type.STRING, string(c)));
        continue;
      }
      if (c >= '0' && c <= '9') {
        int start = at;
        while (at < src.length() && isDigit(src.charAt(at))) {
          at++;
        }
        boolean afterDot = last == Type.OP && tokens.get(tokens.size() - 1).isOp(".");
        if (!afterDot && at + 1 < src.length() && src.charAt(at) == '.' && isDigit(src.charAt(at + 1))) {
          at++;
          while (at < src.length() && isDigit(src.charAt(at))) {
            at++;
          }
        }
        tokens.add(new Token(Type.NUMBER, src.substring(start, at)));
        continue;
      }
      if (isWord(c)) {
        int start = at;
        while (at < src.length() && isWord(src.charAt(at))) {
          at++;
        }
        tokens.add(new Token(Type.NAME, src.substring(start, at)));
        continue;
      }
      String op = null;
      for (String o : OPS) {
        if (src.startsWith(o, at)) {
          op = o;
          break;
        }
      }
      if (op == null) {
        throw new TemplateException("unexpected character in a tag: " + c);
      }
      braces += op.equals("{") ? 1 : op.equals("}") ? -1 : 0;
      tokens.add(new Token(Type.OP, op));
      at += op.length();
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Where the text from {@code from} ends: at the next tag, or the end. */
  private int textEnd(int from) {
    int end = from;
    while (true) {
      end = src.indexOf('{', end);
      if (end < 0 || end + 1 >= src.length()) {
        return src.length();
      }
      char next = src.charAt(end + 1);
      if (next == '%' || next == '{' || next == '#') {
        return end;
      }
      end++;
    }
  }

  private void comment() {
    at += 2;
    boolean before = at < src.length() && src.charAt(at) == '-';
    int end = src.indexOf("#}", at);
    if (end < 0) {
      throw new TemplateException("a comment is not closed");
    }
    boolean after = end > at && src.charAt(end - 1) == '-';
    if (before) {
      stripTrailingText();
    }
    at = end + 2;
    if (after) {
      while (at < src.length() && isSpace(src.charAt(at))) {
        at++;
      }
    }
  }

  private void stripTrailingText() {
    if (last() == Type.TEXT) {
      Token t = tokens.remove(tokens.size() - 1);
      int end = t.text().length();
      while (end > 0 && isSpace(t.text().charAt(end - 1))) {
        end--;
      }
      if (end > 0) {
        tokens.add(new Token(Type.TEXT, t.text().substring(0, end)));
      }
    }
  }

  private String string(char quote) {
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= src.length()) {
        throw new TemplateException("a string is not closed");
      }
      char c = src.charAt(at++);
      if (c == quote) {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= src.length()) {
        throw new TemplateException("a string is not closed");
      }
      char e = src.charAt(at++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case '\'', '"', '\\' -> out.append(e);
        case 'x', 'u' -> {
          int n = e == 'x' ? 2 : 4;
          if (at + n > src.length()) {
            throw new TemplateException("a bad escape in a string");
          }
          out.append((char) Integer.parseInt(src.substring(at, at + n), 16));
          at += n;
        }
        default -> throw new TemplateException("an unknown escape in a string: \\" + e);
      }
    }
  }

  private static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
