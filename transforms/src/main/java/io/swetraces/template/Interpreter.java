package io.swetraces.template;

import io.swetraces.template.Node.Expr;
import io.swetraces.template.Node.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders parsed statements with Jinja's scoping: a loop body's assignments stay in the loop. */
final class Interpreter {
  /** Variables of one scope, and the scope around it. */
  static final class Scope {
    private final Map<String, Object> vars = new HashMap<>();
    private final Scope parent;

    Scope(Scope parent) {
      this.parent = parent;
    }

    Object get(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        if (s.vars.containsKey(name)) {
          return s.vars.get(name);
        }
      }
      return Py.UNDEFINED;
    }

    void set(String name, Object value) {
      vars.put(name, value);
    }
  }

  private static final class LoopControl extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean isBreak;

    LoopControl(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private static final LoopControl BREAK = new LoopControl(true);
  private static final LoopControl CONTINUE = new LoopControl(false);

  void render(List<Stmt> body, Scope scope, StringBuilder out) {
    for (Stmt s : body) {
      execute(s, scope, out);
    }
  }

  private void execute(Stmt stmt, Scope scope, StringBuilder out) {
    if (stmt instanceof Node.Text t) {
      out.append(t.text());
    } else if (stmt instanceof Node.Output o) {
      out.append(Py.str(eval(o.value(), scope)));
    } else if (stmt instanceof Node.If i) {
      for (Node.Branch b : i.branches()) {
        if (Py.truthy(eval(b.condition(), scope))) {
          render(b.body(), scope, out);
          return;
        }
      }
      render(i.otherwise(), scope, out);
    } else if (stmt instanceof Node.For f) {
      loop(f, scope, out);
    } else if (stmt instanceof Node.Set s) {
      assign(s.target(), eval(s.value(), scope), scope);
    } else if (stmt instanceof Node.SetBlock s) {
      StringBuilder captured = new StringBuilder();
      render(s.body(), new Scope(scope), captured);
      scope.set(s.name(), captured.toString());
    } else if (stmt instanceof Node.Macro m) {
      scope.set(m.name(), macro(m, scope));
    } else if (stmt instanceof Node.FilterBlock f) {
      StringBuilder captured = new StringBuilder();
      render(f.body(), new Scope(scope), captured);
      out.append(Py.str(Builtins.filter(this, f.filter().name(), captured.toString(),
          values(f.filter().args(), scope), kwargs(f.filter().kwargs(), scope))));
    } else if (stmt instanceof Node.Break) {
      throw BREAK;
    } else if (stmt instanceof Node.Continue) {
      throw CONTINUE;
    }
  }

  private void loop(Node.For f, Scope scope, StringBuilder out) {
    List<Object> items = Py.iterate(eval(f.iterable(), scope));
    if (f.filter() != null) {
      List<Object> kept = new ArrayList<>();
      for (Object item : items) {
        Scope s = new Scope(scope);
        bind(f.targets(), item, s);
        if (Py.truthy(eval(f.filter(), s))) {
          kept.add(item);
        }
      }
      items = kept;
    }
    if (items.isEmpty()) {
      render(f.otherwise(), scope, out);
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      Scope s = new Scope(scope);
      bind(f.targets(), items.get(i), s);
      s.set("loop", loopInfo(items, i));
      try {
        render(f.body(), s, out);
      } catch (LoopControl control) {
        if (control.isBreak) {
          break;
        }
      }
    }
  }

  private static Map<String, Object> loopInfo(List<Object> items, int i) {
    int n = items.size();
    Map<String, Object> loop = new LinkedHashMap<>();
    loop.put("index", (long) i + 1);
    loop.put("index0", (long) i);
    loop.put("revindex", (long) (n - i));
    loop.put("revindex0", (long) (n - i - 1));
    loop.put("first", i == 0);
    loop.put("last", i == n - 1);
    loop.put("length", (long) n);
    loop.put("previtem", i > 0 ? items.get(i - 1) : Py.UNDEFINED);
    loop.put("nextitem", i < n - 1 ? items.get(i + 1) : Py.UNDEFINED);
    loop.put("cycle", (Py.Fn) (args, kwargs) -> args.isEmpty() ? Py.UNDEFINED : args.get(i % args.size()));
    return loop;
  }

  private static void bind(List<String> targets, Object item, Scope scope) {
    if (targets.size() == 1) {
      scope.set(targets.get(0), item);
      return;
    }
    List<Object> parts = Py.iterate(item);
    if (parts.size() != targets.size()) {
      throw new TemplateException("cannot unpack " + parts.size() + " values into " + targets.size());
    }
    for (int k = 0; k < targets.size(); k++) {
      scope.set(targets.get(k), parts.get(k));
    }
  }

  private void assign(Expr target, Object value, Scope scope) {
    if (target instanceof Node.Name n) {
      scope.set(n.name(), value);
    } else if (target instanceof Node.Attr a) {
      if (!(eval(a.object(), scope) instanceof Py.Namespace ns)) {
        throw new TemplateException("only a namespace's attributes can be set");
      }
      ns.attributes.put(a.name(), value);
    } else if (target instanceof Node.ListLit l) {
      List<Object> parts = Py.iterate(value);
      if (parts.size() != l.items().size()) {
        throw new TemplateException("cannot unpack " + parts.size() + " values into " + l.items().size());
      }
      for (int k = 0; k < parts.size(); k++) {
        assign(l.items().get(k), parts.get(k), scope);
      }
    } else {
      throw new TemplateException("cannot assign to this expression");
    }
  }

  private Py.Fn macro(Node.Macro m, Scope defined) {
    return (args, kwargs) -> {
      Scope s = new Scope(defined);
      for (int k = 0; k < m.params().size(); k++) {
        String p = m.params().get(k);
        Object v = k < args.size() ? args.get(k)
            : kwargs.containsKey(p) ? kwargs.get(p)
            : m.defaults().containsKey(p) ? eval(m.defaults().get(p), s) : Py.UNDEFINED;
        s.set(p, v);
      }
      StringBuilder out = new StringBuilder();
      render(m.body(), s, out);
      return out.toString();
    };
  }

  Object eval(Expr expr, Scope scope) {
    if (expr instanceof Node.Literal l) {
      return l.value();
    }
    if (expr instanceof Node.Name n) {
      return scope.get(n.name());
    }
    if (expr instanceof Node.Attr a) {
      return Builtins.attribute(eval(a.object(), scope), a.name());
    }
    if (expr instanceof Node.Index i) {
      return Builtins.item(eval(i.object(), scope), eval(i.key(), scope));
    }
    if (expr instanceof Node.Binary b) {
      return binary(b, scope);
    }
    if (expr instanceof Node.Filter f) {
      return Builtins.filter(this, f.name(), eval(f.value(), scope), values(f.args(), scope),
          kwargs(f.kwargs(), scope));
    }
    if (expr instanceof Node.Test t) {
      return t.negated() != Builtins.test(t.name(), eval(t.value(), scope), values(t.args(), scope));
    }
    if (expr instanceof Node.Call c) {
      Object fn = eval(c.function(), scope);
      if (!(fn instanceof Py.Fn callable)) {
        throw new TemplateException("'" + Py.typeName(fn) + "' object is not callable");
      }
      return callable.call(values(c.args(), scope), kwargs(c.kwargs(), scope));
    }
    if (expr instanceof Node.Unary u) {
      return unary(u.op(), eval(u.operand(), scope));
    }
    if (expr instanceof Node.Ternary t) {
      return Py.truthy(eval(t.condition(), scope)) ? eval(t.then(), scope)
          : t.otherwise() == null ? Py.UNDEFINED : eval(t.otherwise(), scope);
    }
    if (expr instanceof Node.Slice s) {
      return Builtins.slice(eval(s.object(), scope), optional(s.start(), scope), optional(s.stop(), scope),
          optional(s.step(), scope));
    }
    if (expr instanceof Node.ListLit l) {
      List<Object> items = values(l.items(), scope);
      return l.tuple() ? new Py.Tuple(items) : items;
    }
    Node.DictLit d = (Node.DictLit) expr;
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int k = 0; k < d.keys().size(); k++) {
      map.put(eval(d.keys().get(k), scope), eval(d.values().get(k), scope));
    }
    return map;
  }

  private Object optional(Expr e, Scope scope) {
    return e == null ? null : eval(e, scope);
  }

  private List<Object> values(List<Expr> exprs, Scope scope) {
    List<Object> out = new ArrayList<>(exprs.size());
    for (Expr e : exprs) {
      out.add(eval(e, scope));
    }
    return out;
  }

  private Map<String, Object> kwargs(Map<String, Expr> exprs, Scope scope) {
    Map<String, Object> out = new LinkedHashMap<>();
    exprs.forEach((k, e) -> out.put(k, eval(e, scope)));
    return out;
  }

  private static Object unary(String op, Object v) {
    switch (op) {
      case "not":
        return !Py.truthy(v);
      case "-":
        if (v instanceof Long n) {
          return -n;
        }
        if (v instanceof Double d) {
          return -d;
        }
        break;
      case "+":
        if (Py.isNumber(v)) {
          return v;
        }
        break;
      default:
        break;
    }
    throw new TemplateException("bad operand type for unary " + op + ": '" + Py.typeName(v) + "'");
  }

  private Object binary(Node.Binary b, Scope scope) {
    Object left = eval(b.left(), scope);
    switch (b.op()) {
      case "and":
        return Py.truthy(left) ? eval(b.right(), scope) : left;
      case "or":
        return Py.truthy(left) ? left : eval(b.right(), scope);
      default:
        break;
    }
    Object right = eval(b.right(), scope);
    switch (b.op()) {
      case "==":
        return Py.equal(left, right);
      case "!=":
        return !Py.equal(left, right);
      case "<":
        return Py.compare(left, right) < 0;
      case ">":
        return Py.compare(left, right) > 0;
      case "<=":
        return Py.compare(left, right) <= 0;
      case ">=":
        return Py.compare(left, right) >= 0;
      case "in":
        return Builtins.contains(right, left);
      case "not in":
        return !Builtins.contains(right, left);
      case "~":
        return Py.str(left) + Py.str(right);
      default:
        return Builtins.arithmetic(b.op(), left, right);
    }
  }
}
