package io.swetraces.template;

import io.swetraces.template.Node.Stmt;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A Jinja template as Hugging Face chat templates are written and rendered: {@code trim_blocks}
 * and {@code lstrip_blocks}, loop controls, {@code namespace}, Python's string and dict methods,
 * {@code tojson} as transformers defines it. Parsed once; rendering is thread-safe.
 */
public final class Template implements Serializable {
  private static final long serialVersionUID = 1L;

  /** range, namespace, raise_exception, strftime_now: stateless, shared by every rendering. */
  private static final Interpreter.Scope GLOBALS = new Interpreter.Scope(null);

  static {
    Builtins.globals().forEach(GLOBALS::set);
  }

  private final String source;
  private transient volatile List<Stmt> parsed;

  private Template(String source) {
    this.source = source;
    this.parsed = Parser.parse(source);
  }

  /** The template, parsed: a syntax error is a {@link TemplateException} here, not at rendering. */
  public static Template parse(String source) {
    return new Template(source);
  }

  /** A value as templates see it: integers as {@code Long}, decimals as {@code Double}, containers copied. */
  static Object value(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof java.math.BigInteger) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float || v instanceof java.math.BigDecimal) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new java.util.ArrayList<>(l.size());
      l.forEach(x -> out.add(value(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, value(x)));
      return out;
    }
    return v;
  }

  /**
   * Renders with these variables: JSON-like values ({@code Map}, {@code List}, {@code String},
   * {@code Long}, {@code Double}, {@code Boolean}, null).
   */
  public String render(Map<String, Object> variables) {
    List<Stmt> body = parsed;
    if (body == null) {
      body = Parser.parse(source);
      parsed = body;
    }
    Interpreter.Scope scope = new Interpreter.Scope(GLOBALS);
    variables.forEach((name, value) -> scope.set(name, value(value)));
    StringBuilder out = new StringBuilder();
    try {
      new Interpreter().render(body, scope, out);
    } catch (StackOverflowError e) {
      throw new TemplateException("the template nests too deeply");
    } catch (ClassCastException | IndexOutOfBoundsException | ArithmeticException e) {
      throw new TemplateException("the template failed: " + e);
    }
    return out.toString();
  }
}
