package io.swetraces.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Values as a template sees them, with Python's semantics (Jinja runs in Python): {@code null} is
 * None, {@link #UNDEFINED} a missing name or key, numbers are {@code Long} or {@code Double},
 * sequences {@code List}, mappings {@code Map} in insertion order.
 */
final class Py {
  private Py() {}

  /** A missing variable, attribute or item: falsy, rendered as nothing. */
  static final Object UNDEFINED = new Object() {
    @Override
    public String toString() {
      return "";
    }
  };

  /** A callable: a global function, a bound method, a macro. */
  interface Fn {
    Object call(List<Object> args, Map<String, Object> kwargs);
  }

  /** A Python tuple: a list that shows in parentheses ({@code dict.items()} pairs, literal tuples). */
  static final class Tuple extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    Tuple(List<?> items) {
      super(items);
    }
  }

  /** What {@code namespace()} makes: attributes a loop body can set. */
  static final class Namespace {
    final Map<String, Object> attributes = new LinkedHashMap<>();
  }

  static boolean truthy(Object v) {
    if (v == null || v == UNDEFINED) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long n) {
      return n != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** Python's {@code str()}. */
  static String str(Object v) {
    if (v == UNDEFINED) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    return repr(v);
  }

  /** Python's {@code repr()}: how a value shows inside a list or a dict. */
  static String repr(Object v) {
    if (v == null) {
      return "None";
    }
    if (v == UNDEFINED) {
      return "";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      return floatRepr(d);
    }
    if (v instanceof String s) {
      return stringRepr(s);
    }
    if (v instanceof List<?> l) {
      boolean tuple = v instanceof Tuple;
      StringBuilder out = new StringBuilder(tuple ? "(" : "[");
      for (int i = 0; i < l.size(); i++) {
        out.append(i > 0 ? ", " : "").append(repr(l.get(i)));
      }
      return out.append(tuple && l.size() == 1 ? "," : "").append(tuple ? ')' : ']').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder out = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        first = false;
      }
      return out.append('}').toString();
    }
    if (v instanceof Namespace) {
      return "<Namespace>";
    }
    return String.valueOf(v);
  }

  private static String stringRepr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(quote).toString();
  }

  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return String.format("%.1f", d);
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double a = Math.abs(d);
    if (a >= 1e-4 && a < 1e16) {
      return b.toPlainString();
    }
    String digits = b.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - b.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d < 0 ? "-" : "") + mantissa + (exponent < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exponent));
  }

  static boolean equal(Object a, Object b) {
    if (a instanceof Boolean x && isNumber(b)) {
      return (x ? 1L : 0L) == ((Number) b).doubleValue();
    }
    if (b instanceof Boolean && isNumber(a)) {
      return equal(b, a);
    }
    if (isNumber(a) && isNumber(b)) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  static int compare(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof Boolean || b instanceof Boolean) {
      return compare(a instanceof Boolean x ? (x ? 1L : 0L) : a, b instanceof Boolean y ? (y ? 1L : 0L) : b);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        int c = compare(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw new TemplateException("cannot compare " + typeName(a) + " and " + typeName(b));
  }

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double;
  }

  /** Python's names of the value types, for error messages. */
  private static final Map<Class<?>, String> TYPE_NAMES = Map.of(String.class, "str", Long.class, "int",
      Double.class, "float", Boolean.class, "bool", Tuple.class, "tuple");

  static String typeName(Object v) {
    if (v == null) {
      return "NoneType";
    }
    if (v == UNDEFINED) {
      return "Undefined";
    }
    String name = TYPE_NAMES.get(v.getClass());
    return name != null ? name : v instanceof List ? "list" : v instanceof Map ? "dict" : v.getClass().getSimpleName();
  }

  /** The items a for loop or a filter walks: a list's, a dict's keys, a string's characters. */
  static List<Object> iterate(Object v) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (v instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (v instanceof String s) {
      List<Object> chars = new ArrayList<>();
      for (Iterator<Integer> it = s.codePoints().iterator(); it.hasNext(); ) {
        chars.add(new String(Character.toChars(it.next())));
      }
      return chars;
    }
    if (v == UNDEFINED) {
      return new ArrayList<>();
    }
    throw new TemplateException("'" + typeName(v) + "' object is not iterable");
  }

  static long toLong(Object v) {
    if (v instanceof Long n) {
      return n;
    }
    if (v instanceof Double d) {
      return (long) (double) d;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new TemplateException("an integer was expected, not " + typeName(v));
  }

  /** JSON as transformers' {@code tojson} writes it: Python's {@code json.dumps}, non-ASCII kept. */
  static String toJson(Object v, Integer indent, int depth) {
    if (v == null || v == UNDEFINED) {
      return "null";
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (v instanceof Long n) {
      return n.toString();
    }
    if (v instanceof Double d) {
      return floatRepr(d).replace("inf", "Infinity").replace("nan", "NaN");
    }
    if (v instanceof String s) {
      return jsonString(s);
    }
    String item = indent == null ? ", " : ",";
    String pad = indent == null ? "" : "\n" + " ".repeat(indent * depth);
    String childPad = indent == null ? "" : "\n" + " ".repeat(indent * (depth + 1));
    if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        return "[]";
      }
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        out.append(i > 0 ? item : "").append(childPad).append(toJson(l.get(i), indent, depth + 1));
      }
      return out.append(pad).append(']').toString();
    }
    Map<?, ?> m = v instanceof Namespace ns ? ns.attributes : v instanceof Map<?, ?> map ? map : null;
    if (m == null) {
      throw new TemplateException("Object of type " + typeName(v) + " is not JSON serializable");
    }
    if (m.isEmpty()) {
      return "{}";
    }
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.append(first ? "" : item).append(childPad).append(jsonString(str(e.getKey()))).append(": ")
          .append(toJson(e.getValue(), indent, depth + 1));
      first = false;
    }
    return out.append(pad).append('}').toString();
  }

  static String jsonString(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
