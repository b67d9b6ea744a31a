package io.swetraces.template;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jinja's filters and tests, the Python methods of strings and dicts that templates call, and the
 * globals transformers gives a chat template ({@code range}, {@code namespace},
 * {@code raise_exception}, {@code strftime_now}).
 */
final class Builtins {
  private Builtins() {}

  static Map<String, Object> globals() {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("range", (Py.Fn) (args, kwargs) -> range(args));
    g.put("namespace", (Py.Fn) (args, kwargs) -> {
      Py.Namespace ns = new Py.Namespace();
      for (Object a : args) {
        if (a instanceof Map<?, ?> m) {
          m.forEach((k, v) -> ns.attributes.put(Py.str(k), v));
        }
      }
      ns.attributes.putAll(kwargs);
      return ns;
    });
    g.put("raise_exception", (Py.Fn) (args, kwargs) -> {
      throw new TemplateException(args.isEmpty() ? "raise_exception" : Py.str(args.get(0)));
    });
    g.put("strftime_now", (Py.Fn) (args, kwargs) -> strftime(Py.str(args.get(0)), ZonedDateTime.now()));
    return g;
  }

  private static List<Object> range(List<Object> args) {
    long start = args.size() > 1 ? Py.toLong(args.get(0)) : 0;
    long stop = Py.toLong(args.get(args.size() > 1 ? 1 : 0));
    long step = args.size() > 2 ? Py.toLong(args.get(2)) : 1;
    if (step == 0) {
      throw new TemplateException("range() arg 3 must not be zero");
    }
    List<Object> out = new ArrayList<>();
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.add(i);
    }
    return out;
  }

  /** Python's {@code strftime} for the directives chat templates use. */
  static String strftime(String format, ZonedDateTime t) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        out.append(c);
        continue;
      }
      char d = format.charAt(++i);
      switch (d) {
        case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
        case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
        case 'Y' -> out.append(t.getYear());
        case 'y' -> out.append(String.format("%02d", t.getYear() % 100));
        case 'H' -> out.append(String.format("%02d", t.getHour()));
        case 'M' -> out.append(String.format("%02d", t.getMinute()));
        case 'S' -> out.append(String.format("%02d", t.getSecond()));
        case 'b' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
        case '%' -> out.append('%');
        default -> out.append('%').append(d);
      }
    }
    return out.toString();
  }

  // --- access

  static Object attribute(Object obj, String name) {
    if (obj == Py.UNDEFINED) {
      throw new TemplateException("'" + name + "' of an undefined value");
    }
    if (obj instanceof Py.Namespace ns) {
      return ns.attributes.getOrDefault(name, Py.UNDEFINED);
    }
    if (obj instanceof Map<?, ?> m && m.containsKey(name)) {
      return m.get(name);
    }
    Object method = method(obj, name);
    return method != null ? method : Py.UNDEFINED;
  }

  static Object item(Object obj, Object key) {
    if (obj == Py.UNDEFINED) {
      throw new TemplateException("an item of an undefined value");
    }
    if (obj instanceof Map<?, ?> m) {
      return m.containsKey(key) ? m.get(key) : Py.UNDEFINED;
    }
    if (obj instanceof Py.Namespace ns) {
      return ns.attributes.getOrDefault(Py.str(key), Py.UNDEFINED);
    }
    if ((obj instanceof List || obj instanceof String) && (key instanceof Long || key instanceof Boolean)) {
      List<Object> items = Py.iterate(obj);
      long i = Py.toLong(key);
      i = i < 0 ? i + items.size() : i;
      return i >= 0 && i < items.size() ? items.get((int) i) : Py.UNDEFINED;
    }
    if (key instanceof String name) {
      return attribute(obj, name);
    }
    return Py.UNDEFINED;
  }

  static Object slice(Object obj, Object start, Object stop, Object step) {
    List<Object> items = Py.iterate(obj);
    int n = items.size();
    long k = step == null ? 1 : Py.toLong(step);
    if (k == 0) {
      throw new TemplateException("slice step cannot be zero");
    }
    long a = start == null ? (k > 0 ? 0 : n - 1) : bound(Py.toLong(start), n, k);
    long b = stop == null ? (k > 0 ? n : -1) : bound(Py.toLong(stop), n, k);
    List<Object> out = new ArrayList<>();
    for (long i = a; k > 0 ? i < b : i > b; i += k) {
      out.add(items.get((int) i));
    }
    if (obj instanceof String) {
      StringBuilder s = new StringBuilder();
      out.forEach(s::append);
      return s.toString();
    }
    return out;
  }

  private static long bound(long i, int n, long step) {
    if (i < 0) {
      i += n;
      return i < 0 ? (step > 0 ? 0 : -1) : i;
    }
    return i >= n ? (step > 0 ? n : n - 1) : i;
  }

  static boolean contains(Object container, Object item) {
    if (container instanceof String s) {
      if (!(item instanceof String sub)) {
        throw new TemplateException("'in <string>' requires string as left operand");
      }
      return s.contains(sub);
    }
    if (container instanceof Map<?, ?> m) {
      return m.containsKey(item);
    }
    if (container instanceof Py.Namespace ns) {
      return ns.attributes.containsKey(item);
    }
    if (container == Py.UNDEFINED) {
      return false;
    }
    for (Object o : Py.iterate(container)) {
      if (Py.equal(o, item)) {
        return true;
      }
    }
    return false;
  }

  static Object arithmetic(String op, Object a, Object b) {
    if (op.equals("+")) {
      if (a instanceof String x && b instanceof String y) {
        return x + y;
      }
      if (a instanceof List<?> x && b instanceof List<?> y) {
        List<Object> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
      }
    }
    if (op.equals("*") && (a instanceof String || b instanceof String) && (a instanceof Long || b instanceof Long)) {
      return (a instanceof String s ? s : (String) b).repeat((int) Math.max(0, Py.toLong(a instanceof Long ? a : b)));
    }
    boolean numbers = (Py.isNumber(a) || a instanceof Boolean) && (Py.isNumber(b) || b instanceof Boolean);
    if (!numbers) {
      throw new TemplateException("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '"
          + Py.typeName(b) + "'");
    }
    boolean floats = a instanceof Double || b instanceof Double;
    double x = a instanceof Boolean t ? (t ? 1 : 0) : ((Number) a).doubleValue();
    double y = b instanceof Boolean t ? (t ? 1 : 0) : ((Number) b).doubleValue();
    if ((op.equals("/") || op.equals("//") || op.equals("%")) && y == 0) {
      throw new TemplateException("division by zero");
    }
    switch (op) {
      case "/":
        return x / y;
      case "**":
        double p = Math.pow(x, y);
        return floats || y < 0 ? (Object) p : (Object) (long) p;
      default:
        break;
    }
    if (!floats) {
      long i = Py.toLong(a);
      long j = Py.toLong(b);
      switch (op) {
        case "+":
          return i + j;
        case "-":
          return i - j;
        case "*":
          return i * j;
        case "//":
          return Math.floorDiv(i, j);
        case "%":
          return Math.floorMod(i, j);
        default:
          break;
      }
    }
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "//":
        return Math.floor(x / y);
      case "%":
        return x - y * Math.floor(x / y);
      default:
        throw new TemplateException("unknown operator " + op);
    }
  }

  // --- methods

  private static Object method(Object obj, String name) {
    if (obj instanceof String s) {
      return stringMethod(s, name);
    }
    if (obj instanceof Map<?, ?> m) {
      return switch (name) {
        case "items" -> (Py.Fn) (args, kwargs) -> items(m);
        case "keys" -> (Py.Fn) (args, kwargs) -> new ArrayList<Object>(m.keySet());
        case "values" -> (Py.Fn) (args, kwargs) -> new ArrayList<Object>(m.values());
        case "get" -> (Py.Fn) (args, kwargs) -> m.containsKey(args.get(0)) ? m.get(args.get(0))
            : args.size() > 1 ? args.get(1) : null;
        default -> null;
      };
    }
    if (obj instanceof List<?> l) {
      return switch (name) {
        case "index" -> (Py.Fn) (args, kwargs) -> {
          for (int i = 0; i < l.size(); i++) {
            if (Py.equal(l.get(i), args.get(0))) {
              return (long) i;
            }
          }
          throw new TemplateException("value is not in list");
        };
        case "count" -> (Py.Fn) (args, kwargs) -> l.stream().filter(x -> Py.equal(x, args.get(0))).count();
        default -> null;
      };
    }
    return null;
  }

  private static List<Object> items(Map<?, ?> m) {
    List<Object> out = new ArrayList<>();
    m.forEach((k, v) -> {
      List<Object> pair = new ArrayList<>(2);
      pair.add(k);
      pair.add(v);
      out.add(new Py.Tuple(pair));
    });
    return out;
  }

  private static Object stringMethod(String s, String name) {
    return switch (name) {
      case "upper" -> (Py.Fn) (args, kwargs) -> s.toUpperCase(Locale.ROOT);
      case "lower" -> (Py.Fn) (args, kwargs) -> s.toLowerCase(Locale.ROOT);
      case "strip" -> (Py.Fn) (args, kwargs) -> strip(s, chars(args), true, true);
      case "lstrip" -> (Py.Fn) (args, kwargs) -> strip(s, chars(args), true, false);
      case "rstrip" -> (Py.Fn) (args, kwargs) -> strip(s, chars(args), false, true);
      case "split" -> (Py.Fn) (args, kwargs) -> split(s, arg(args, kwargs, 0, "sep"), arg(args, kwargs, 1, "maxsplit"));
      case "startswith" -> (Py.Fn) (args, kwargs) -> affix(s, args.get(0), true);
      case "endswith" -> (Py.Fn) (args, kwargs) -> affix(s, args.get(0), false);
      case "replace" -> (Py.Fn) (args, kwargs) -> replace(s, Py.str(args.get(0)), Py.str(args.get(1)),
          args.size() > 2 ? Py.toLong(args.get(2)) : -1);
      case "title" -> (Py.Fn) (args, kwargs) -> title(s);
      case "capitalize" -> (Py.Fn) (args, kwargs) -> s.isEmpty() ? s
          : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
      case "find" -> (Py.Fn) (args, kwargs) -> (long) s.indexOf(Py.str(args.get(0)));
      case "count" -> (Py.Fn) (args, kwargs) -> count(s, Py.str(args.get(0)));
      case "join" -> (Py.Fn) (args, kwargs) -> join(Py.iterate(args.get(0)), s);
      case "splitlines" -> (Py.Fn) (args, kwargs) -> splitlines(s);
      case "isdigit" -> (Py.Fn) (args, kwargs) -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      case "isalpha" -> (Py.Fn) (args, kwargs) -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
      case "isspace" -> (Py.Fn) (args, kwargs) -> !s.isEmpty() && s.chars().allMatch(c -> Lexer.isSpace((char) c));
      default -> null;
    };
  }

  private static List<Object> splitlines(String s) {
    List<Object> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(s.substring(start, i));
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static Object arg(List<Object> args, Map<String, Object> kwargs, int position, String name) {
    return position < args.size() ? args.get(position) : kwargs.getOrDefault(name, null);
  }

  private static String chars(List<Object> args) {
    return args.isEmpty() || args.get(0) == null ? null : Py.str(args.get(0));
  }

  static String strip(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && stripped(s.charAt(start), chars)) {
      start++;
    }
    while (right && end > start && stripped(s.charAt(end - 1), chars)) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean stripped(char c, String chars) {
    return chars == null ? Lexer.isSpace(c) : chars.indexOf(c) >= 0;
  }

  private static List<Object> split(String s, Object sep, Object maxsplit) {
    long max = maxsplit == null ? -1 : Py.toLong(maxsplit);
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      while (true) {
        while (i < s.length() && Lexer.isSpace(s.charAt(i))) {
          i++;
        }
        if (i >= s.length()) {
          return out;
        }
        if (max >= 0 && out.size() == max) {
          out.add(strip(s.substring(i), null, false, true));
          return out;
        }
        int j = i;
        while (j < s.length() && !Lexer.isSpace(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    String separator = Py.str(sep);
    if (separator.isEmpty()) {
      throw new TemplateException("empty separator");
    }
    int from = 0;
    while (max < 0 || out.size() < max) {
      int at = s.indexOf(separator, from);
      if (at < 0) {
        break;
      }
      out.add(s.substring(from, at));
      from = at + separator.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static boolean affix(String s, Object what, boolean prefix) {
    List<Object> options = what instanceof List<?> l ? new ArrayList<>(l) : List.of(what);
    for (Object o : options) {
      String a = Py.str(o);
      if (prefix ? s.startsWith(a) : s.endsWith(a)) {
        return true;
      }
    }
    return false;
  }

  private static String replace(String s, String old, String replacement, long count) {
    if (count < 0) {
      return s.replace(old, replacement);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (long n = 0; n < count; n++) {
      int at = s.indexOf(old, from);
      if (at < 0) {
        break;
      }
      out.append(s, from, at).append(replacement);
      from = at + old.length();
      if (old.isEmpty()) {
        if (from < s.length()) {
          out.append(s.charAt(from));
        }
        from++;
      }
    }
    return from <= s.length() ? out.append(s.substring(Math.min(from, s.length()))).toString() : out.toString();
  }

  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.length() + 1L;
    }
    long n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder();
    boolean previousCased = false;
    for (char c : s.toCharArray()) {
      out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
      previousCased = Character.isLetter(c);
    }
    return out.toString();
  }

  private static String join(List<Object> items, String separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      out.append(i > 0 ? separator : "").append(Py.str(items.get(i)));
    }
    return out.toString();
  }

  // --- filters

  static Object filter(Interpreter in, String name, Object v, List<Object> args, Map<String, Object> kwargs) {
    switch (name) {
      case "length":
      case "count":
        if (v instanceof String s) {
          return (long) s.codePointCount(0, s.length());
        }
        if (v instanceof Map<?, ?> m) {
          return (long) m.size();
        }
        return (long) Py.iterate(v).size();
      case "tojson":
        Object indent = arg(args, kwargs, 0, "indent");
        return Py.toJson(v, indent == null ? null : (int) Py.toLong(indent), 0);
      case "trim":
        return strip(Py.str(v), chars(args), true, true);
      case "upper":
        return Py.str(v).toUpperCase(Locale.ROOT);
      case "lower":
        return Py.str(v).toLowerCase(Locale.ROOT);
      case "title":
        return title(Py.str(v));
      case "capitalize":
        return ((Py.Fn) stringMethod(Py.str(v), "capitalize")).call(List.of(), Map.of());
      case "string":
        return Py.str(v);
      case "safe":
      case "e":
      case "escape":
        return name.equals("safe") ? v : Py.str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\"", "&#34;").replace("'", "&#39;");
      case "default":
      case "d":
        boolean falsy = Py.truthy(arg(args, kwargs, 1, "boolean"));
        return v == Py.UNDEFINED || (falsy && !Py.truthy(v)) ? (args.isEmpty() ? "" : args.get(0)) : v;
      case "first":
        List<Object> all = Py.iterate(v);
        return all.isEmpty() ? Py.UNDEFINED : all.get(0);
      case "last":
        List<Object> items = Py.iterate(v);
        return items.isEmpty() ? Py.UNDEFINED : items.get(items.size() - 1);
      case "join":
        Object attribute = kwargs.get("attribute");
        List<Object> parts = Py.iterate(v);
        if (attribute != null) {
          parts.replaceAll(x -> item(x, attribute));
        }
        return join(parts, args.isEmpty() ? Py.str(kwargs.getOrDefault("d", "")) : Py.str(args.get(0)));
      case "list":
        return Py.iterate(v);
      case "reverse":
        if (v instanceof String s) {
          return new StringBuilder(s).reverse().toString();
        }
        List<Object> reversed = Py.iterate(v);
        Collections.reverse(reversed);
        return reversed;
      case "items":
        return v == Py.UNDEFINED ? new ArrayList<>() : items((Map<?, ?>) v);
      case "dictsort":
        List<Object> pairs = items((Map<?, ?>) v);
        pairs.sort((a, b) -> Py.compare(((List<?>) a).get(0), ((List<?>) b).get(0)));
        return pairs;
      case "int":
        return toInt(v, args);
      case "float":
        return toFloat(v, args);
      case "abs":
        return v instanceof Long n ? (Object) Math.abs(n) : (Object) Math.abs((Double) v);
      case "round":
        return round(v, args, kwargs);
      case "replace":
        return replace(Py.str(v), Py.str(args.get(0)), Py.str(args.get(1)),
            args.size() > 2 ? Py.toLong(args.get(2)) : -1);
      case "indent":
        return indent(Py.str(v), args, kwargs);
      case "wordcount":
        return (long) split(Py.str(v), null, null).size();
      case "unique":
        return new ArrayList<>(new LinkedHashSet<>(Py.iterate(v)));
      case "sum":
        Object total = 0L;
        for (Object o : Py.iterate(v)) {
          total = arithmetic("+", total, o);
        }
        return total;
      case "min":
      case "max":
        List<Object> values = Py.iterate(v);
        if (values.isEmpty()) {
          return Py.UNDEFINED;
        }
        Object best = values.get(0);
        for (Object o : values) {
          int c = Py.compare(o, best);
          best = name.equals("min") ? (c < 0 ? o : best) : (c > 0 ? o : best);
        }
        return best;
      case "sort":
        return sort(v, args, kwargs);
      case "map":
        return map(in, v, args, kwargs);
      case "select":
      case "reject":
        return select(v, args, name.equals("select"), null);
      case "selectattr":
      case "rejectattr":
        return select(v, args.subList(1, args.size()), name.equals("selectattr"), Py.str(args.get(0)));
      case "attr":
        return attribute(v, Py.str(args.get(0)));
      default:
        throw new TemplateException("no filter named '" + name + "'");
    }
  }

  private static Object toInt(Object v, List<Object> args) {
    try {
      if (v instanceof String s) {
        return Long.parseLong(s.trim());
      }
      return Py.toLong(v);
    } catch (RuntimeException e) {
      return args.isEmpty() ? 0L : args.get(0);
    }
  }

  private static Object toFloat(Object v, List<Object> args) {
    try {
      return v instanceof String s ? Double.parseDouble(s.trim()) : ((Number) v).doubleValue();
    } catch (RuntimeException e) {
      return args.isEmpty() ? 0.0 : args.get(0);
    }
  }

  private static Object round(Object v, List<Object> args, Map<String, Object> kwargs) {
    Object p = arg(args, kwargs, 0, "precision");
    int precision = p == null ? 0 : (int) Py.toLong(p);
    String method = Py.str(arg(args, kwargs, 1, "method") == null ? "common" : arg(args, kwargs, 1, "method"));
    double x = ((Number) v).doubleValue() * Math.pow(10, precision);
    double r = method.equals("ceil") ? Math.ceil(x) : method.equals("floor") ? Math.floor(x)
        : Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    return r / Math.pow(10, precision);
  }

  private static String indent(String s, List<Object> args, Map<String, Object> kwargs) {
    Object w = arg(args, kwargs, 0, "width");
    String pad = w instanceof String ws ? ws : " ".repeat(w == null ? 4 : (int) Py.toLong(w));
    boolean first = Py.truthy(arg(args, kwargs, 1, "first"));
    boolean blank = Py.truthy(arg(args, kwargs, 2, "blank"));
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      boolean indented = (i > 0 || first) && (blank || !lines[i].isBlank());
      out.append(i > 0 ? "\n" : "").append(indented ? pad : "").append(lines[i]);
    }
    return out.toString();
  }

  private static List<Object> sort(Object v, List<Object> args, Map<String, Object> kwargs) {
    boolean reverse = Py.truthy(arg(args, kwargs, 0, "reverse"));
    boolean caseSensitive = Py.truthy(arg(args, kwargs, 1, "case_sensitive"));
    Object attribute = arg(args, kwargs, 2, "attribute");
    List<Object> out = Py.iterate(v);
    out.sort((a, b) -> {
      Object x = attribute == null ? a : item(a, attribute);
      Object y = attribute == null ? b : item(b, attribute);
      if (!caseSensitive && x instanceof String s && y instanceof String t) {
        return s.toLowerCase(Locale.ROOT).compareTo(t.toLowerCase(Locale.ROOT));
      }
      return Py.compare(x, y);
    });
    if (reverse) {
      Collections.reverse(out);
    }
    return out;
  }

  private static List<Object> map(Interpreter in, Object v, List<Object> args, Map<String, Object> kwargs) {
    List<Object> out = new ArrayList<>();
    for (Object o : Py.iterate(v)) {
      if (kwargs.containsKey("attribute")) {
        Object got = item(o, kwargs.get("attribute"));
        out.add(got == Py.UNDEFINED && kwargs.containsKey("default") ? kwargs.get("default") : got);
      } else {
        out.add(filter(in, Py.str(args.get(0)), o, args.subList(1, args.size()), Map.of()));
      }
    }
    return out;
  }

  private static List<Object> select(Object v, List<Object> args, boolean keep, String attribute) {
    List<Object> out = new ArrayList<>();
    for (Object o : Py.iterate(v)) {
      Object x = attribute == null ? o : item(o, attribute);
      boolean pass = args.isEmpty() ? Py.truthy(x) : test(Py.str(args.get(0)), x, args.subList(1, args.size()));
      if (pass == keep) {
        out.add(o);
      }
    }
    return out;
  }

  // --- tests

  static boolean test(String name, Object v, List<Object> args) {
    switch (name) {
      case "defined":
        return v != Py.UNDEFINED;
      case "undefined":
        return v == Py.UNDEFINED;
      case "none":
        return v == null;
      case "string":
        return v instanceof String;
      case "number":
        return Py.isNumber(v);
      case "integer":
        return v instanceof Long;
      case "float":
        return v instanceof Double;
      case "boolean":
        return v instanceof Boolean;
      case "true":
        return Boolean.TRUE.equals(v);
      case "false":
        return Boolean.FALSE.equals(v);
      case "mapping":
        return v instanceof Map || v instanceof Py.Namespace;
      case "sequence":
        return v instanceof List || v instanceof String || v instanceof Map;
      case "iterable":
        return v instanceof List || v instanceof String || v instanceof Map;
      case "callable":
        return v instanceof Py.Fn;
      case "odd":
        return Py.toLong(v) % 2 != 0;
      case "even":
        return Py.toLong(v) % 2 == 0;
      case "divisibleby":
        return Py.toLong(v) % Py.toLong(args.get(0)) == 0;
      case "eq":
      case "equalto":
      case "==":
        return Py.equal(v, args.get(0));
      case "ne":
      case "!=":
        return !Py.equal(v, args.get(0));
      case "lt":
      case "lessthan":
        return Py.compare(v, args.get(0)) < 0;
      case "gt":
      case "greaterthan":
        return Py.compare(v, args.get(0)) > 0;
      case "le":
        return Py.compare(v, args.get(0)) <= 0;
      case "ge":
        return Py.compare(v, args.get(0)) >= 0;
      case "in":
        return contains(args.get(0), v);
      case "sameas":
        return v == args.get(0) || (v != null && v.equals(args.get(0)) && !(v instanceof List || v instanceof Map));
      case "lower":
        return v instanceof String s && s.equals(s.toLowerCase(Locale.ROOT));
      case "upper":
        return v instanceof String s && s.equals(s.toUpperCase(Locale.ROOT));
      default:
        throw new TemplateException("no test named '" + name + "'");
    }
  }
}
