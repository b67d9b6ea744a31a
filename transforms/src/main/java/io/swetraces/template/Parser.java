package io.swetraces.template;

import io.swetraces.template.Lexer.Token;
import io.swetraces.template.Lexer.Type;
import io.swetraces.template.Node.Expr;
import io.swetraces.template.Node.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses a template's tokens with Jinja's grammar and operator precedence. */
final class Parser {
  private static final Set<String> COMPARE = Set.of("==", "!=", "<", ">", "<=", ">=");

  private final List<Token> tokens;
  private int at;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static List<Stmt> parse(String template) {
    Parser p = new Parser(Lexer.tokenize(template));
    List<Stmt> body = p.block(Set.of());
    if (p.at < p.tokens.size()) {
      throw new TemplateException("unexpected {% " + p.tokens.get(p.at + 1).text() + " %}");
    }
    return body;
  }

  // --- statements

  /** Statements up to one of these block tags (not consumed), or the end. */
  private List<Stmt> block(Set<String> until) {
    List<Stmt> body = new ArrayList<>();
    while (at < tokens.size()) {
      Token t = tokens.get(at);
      switch (t.type()) {
        case TEXT -> {
          body.add(new Node.Text(t.text()));
          at++;
        }
        case OPEN_EXPR -> {
          at++;
          body.add(new Node.Output(expression()));
          expect(Type.CLOSE_EXPR, "}}");
        }
        case OPEN_STMT -> {
          Token keyword = peek(1);
          if (keyword != null && keyword.type() == Type.NAME && until.contains(keyword.text())) {
            return body;
          }
          at++;
          body.add(statement());
        }
        default -> throw new TemplateException("unexpected " + t.text());
      }
    }
    if (!until.isEmpty()) {
      throw new TemplateException("missing {% " + String.join(" or ", until) + " %}");
    }
    return body;
  }

  private Stmt statement() {
    String keyword = name();
    switch (keyword) {
      case "if" -> {
        return ifStatement();
      }
      case "for" -> {
        return forStatement();
      }
      case "set" -> {
        return setStatement();
      }
      case "macro" -> {
        return macro();
      }
      case "filter" -> {
        Node.Filter filter = filter(null);
        closeStatement();
        List<Stmt> body = block(Set.of("endfilter"));
        endTag("endfilter");
        return new Node.FilterBlock(filter, body);
      }
      case "break" -> {
        closeStatement();
        return new Node.Break();
      }
      case "continue" -> {
        closeStatement();
        return new Node.Continue();
      }
      default -> throw new TemplateException("unknown tag {% " + keyword + " %}");
    }
  }

  private Stmt ifStatement() {
    List<Node.Branch> branches = new ArrayList<>();
    Expr condition = expression();
    closeStatement();
    List<Stmt> otherwise = List.of();
    while (true) {
      List<Stmt> body = block(Set.of("elif", "else", "endif"));
      branches.add(new Node.Branch(condition, body));
      at++; // {%
      String tag = name();
      if (tag.equals("elif")) {
        condition = expression();
        closeStatement();
        continue;
      }
      closeStatement();
      if (tag.equals("else")) {
        otherwise = block(Set.of("endif"));
        endTag("endif");
      }
      return new Node.If(branches, otherwise);
    }
  }

  private Stmt forStatement() {
    List<String> targets = new ArrayList<>();
    boolean paren = acceptOp("(");
    do {
      targets.add(name());
    } while (acceptOp(","));
    if (paren) {
      expectOp(")");
    }
    if (!accept(Type.NAME, "in")) {
      throw new TemplateException("expected 'in' in a for loop");
    }
    Expr iterable = or(); // no trailing `if`: that is the loop's filter
    Expr filter = accept(Type.NAME, "if") ? expression() : null;
    closeStatement();
    List<Stmt> body = block(Set.of("else", "endfor"));
    List<Stmt> otherwise = List.of();
    at++;
    String tag = name();
    closeStatement();
    if (tag.equals("else")) {
      otherwise = block(Set.of("endfor"));
      endTag("endfor");
    }
    return new Node.For(targets, iterable, filter, body, otherwise);
  }

  private Stmt setStatement() {
    Expr target = primaryTarget();
    if (acceptOp(",")) {
      List<Expr> names = new ArrayList<>(List.of(target));
      do {
        names.add(primaryTarget());
      } while (acceptOp(","));
      target = new Node.ListLit(names, true);
    }
    if (peekType(Type.CLOSE_STMT)) {
      at++;
      if (!(target instanceof Node.Name n)) {
        throw new TemplateException("a set block assigns a name");
      }
      List<Stmt> body = block(Set.of("endset"));
      endTag("endset");
      return new Node.SetBlock(n.name(), body);
    }
    expectOp("=");
    Expr value = expression();
    if (peekOp(",")) { // set a = 1, 2: a tuple
      List<Expr> items = new ArrayList<>(List.of(value));
      while (acceptOp(",")) {
        items.add(expression());
      }
      value = new Node.ListLit(items, true);
    }
    closeStatement();
    return new Node.Set(target, value);
  }

  private Expr primaryTarget() {
    Expr target = new Node.Name(name());
    while (acceptOp(".")) {
      target = new Node.Attr(target, name());
    }
    return target;
  }

  private Stmt macro() {
    String name = name();
    expectOp("(");
    List<String> params = new ArrayList<>();
    Map<String, Expr> defaults = new LinkedHashMap<>();
    while (!acceptOp(")")) {
      String param = name();
      params.add(param);
      if (acceptOp("=")) {
        defaults.put(param, expression());
      }
      if (!peekOp(")")) {
        expectOp(",");
      }
    }
    closeStatement();
    List<Stmt> body = block(Set.of("endmacro"));
    endTag("endmacro");
    return new Node.Macro(name, params, defaults, body);
  }

  private void endTag(String tag) {
    expect(Type.OPEN_STMT, "{%");
    if (!name().equals(tag)) {
      throw new TemplateException("expected {% " + tag + " %}");
    }
    closeStatement();
  }

  private void closeStatement() {
    expect(Type.CLOSE_STMT, "%}");
  }

  // --- expressions, loosest first

  Expr expression() {
    Expr value = or();
    if (accept(Type.NAME, "if")) {
      Expr condition = or();
      Expr otherwise = accept(Type.NAME, "else") ? expression() : null;
      return new Node.Ternary(condition, value, otherwise);
    }
    return value;
  }

  private Expr or() {
    Expr left = and();
    while (accept(Type.NAME, "or")) {
      left = new Node.Binary("or", left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (accept(Type.NAME, "and")) {
      left = new Node.Binary("and", left, not());
    }
    return left;
  }

  private Expr not() {
    if (accept(Type.NAME, "not")) {
      return new Node.Unary("not", not());
    }
    return compare();
  }

  private Expr compare() {
    Expr left = math1();
    while (true) {
      Token t = peek(0);
      if (t == null) {
        return left;
      }
      if (t.type() == Type.OP && COMPARE.contains(t.text())) {
        at++;
        left = new Node.Binary(t.text(), left, math1());
      } else if (t.isName("in")) {
        at++;
        left = new Node.Binary("in", left, math1());
      } else if (t.isName("not") && peek(1) != null && peek(1).isName("in")) {
        at += 2;
        left = new Node.Binary("not in", left, math1());
      } else {
        return left;
      }
    }
  }

  private Expr math1() {
    Expr left = concat();
    while (peekOp("+") || peekOp("-")) {
      String op = tokens.get(at++).text();
      left = new Node.Binary(op, left, concat());
    }
    return left;
  }

  private Expr concat() {
    Expr left = math2();
    while (acceptOp("~")) {
      left = new Node.Binary("~", left, math2());
    }
    return left;
  }

  private Expr math2() {
    Expr left = pow();
    while (peekOp("*") || peekOp("/") || peekOp("//") || peekOp("%")) {
      String op = tokens.get(at++).text();
      left = new Node.Binary(op, left, pow());
    }
    return left;
  }

  private Expr pow() {
    Expr left = unary(true);
    while (acceptOp("**")) {
      left = new Node.Binary("**", left, unary(true));
    }
    return left;
  }

  private Expr unary(boolean withFilter) {
    Expr node;
    if (acceptOp("-")) {
      node = new Node.Unary("-", unary(false));
    } else if (acceptOp("+")) {
      node = new Node.Unary("+", unary(false));
    } else {
      node = postfix(primary());
    }
    return withFilter ? filters(node) : node;
  }

  private Expr primary() {
    Token t = next();
    switch (t.type()) {
      case STRING -> {
        StringBuilder s = new StringBuilder(t.text());
        while (peekType(Type.STRING)) { // adjacent strings join
          s.append(next().text());
        }
        return new Node.Literal(s.toString());
      }
      case NUMBER -> {
        return new Node.Literal(t.text().contains(".") ? (Object) Double.parseDouble(t.text())
            : (Object) Long.parseLong(t.text()));
      }
      case NAME -> {
        return switch (t.text()) {
          case "true", "True" -> new Node.Literal(Boolean.TRUE);
          case "false", "False" -> new Node.Literal(Boolean.FALSE);
          case "none", "None" -> new Node.Literal(null);
          default -> new Node.Name(t.text());
        };
      }
      case OP -> {
        switch (t.text()) {
          case "(" -> {
            if (acceptOp(")")) {
              return new Node.ListLit(List.of(), true);
            }
            Expr first = expression();
            if (!peekOp(",")) {
              expectOp(")");
              return first;
            }
            List<Expr> items = new ArrayList<>(List.of(first));
            while (acceptOp(",")) {
              if (peekOp(")")) {
                break;
              }
              items.add(expression());
            }
            expectOp(")");
            return new Node.ListLit(items, true);
          }
          case "[" -> {
            List<Expr> items = new ArrayList<>();
            while (!acceptOp("]")) {
              items.add(expression());
              if (!peekOp("]")) {
                expectOp(",");
              }
            }
            return new Node.ListLit(items, false);
          }
          case "{" -> {
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            while (!acceptOp("}")) {
              keys.add(expression());
              expectOp(":");
              values.add(expression());
              if (!peekOp("}")) {
                expectOp(",");
              }
            }
            return new Node.DictLit(keys, values);
          }
          default -> {
            // fall through to the error
          }
        }
      }
      default -> {
        // fall through to the error
      }
    }
    throw new TemplateException("unexpected '" + t.text() + "' in an expression");
  }

  private Expr postfix(Expr node) {
    while (true) {
      if (acceptOp(".")) {
        Token t = next();
        if (t.type() != Type.NAME && t.type() != Type.NUMBER) {
          throw new TemplateException("expected a name after '.'");
        }
        node = t.type() == Type.NUMBER ? new Node.Index(node, new Node.Literal(Long.parseLong(t.text())))
            : new Node.Attr(node, t.text());
      } else if (acceptOp("[")) {
        node = subscript(node);
      } else if (peekOp("(")) {
        at++;
        List<Expr> args = new ArrayList<>();
        Map<String, Expr> kwargs = new LinkedHashMap<>();
        arguments(args, kwargs);
        node = new Node.Call(node, args, kwargs);
      } else {
        return node;
      }
    }
  }

  private Expr subscript(Expr node) {
    Expr[] parts = new Expr[3];
    int part = 0;
    boolean slice = false;
    while (!acceptOp("]")) {
      if (acceptOp(":")) {
        slice = true;
        part++;
        if (part > 2) {
          throw new TemplateException("a slice has at most three parts");
        }
        continue;
      }
      parts[part] = expression();
    }
    return slice ? new Node.Slice(node, parts[0], parts[1], parts[2]) : new Node.Index(node, parts[0]);
  }

  /** Arguments after an opening parenthesis, through the closing one. */
  private void arguments(List<Expr> args, Map<String, Expr> kwargs) {
    while (!acceptOp(")")) {
      if (peekType(Type.NAME) && peek(1) != null && peek(1).isOp("=")) {
        String name = next().text();
        at++;
        kwargs.put(name, expression());
      } else {
        args.add(expression());
      }
      if (!peekOp(")")) {
        expectOp(",");
      }
    }
  }

  private Expr filters(Expr node) {
    while (true) {
      if (acceptOp("|")) {
        node = filter(node);
      } else if (accept(Type.NAME, "is")) {
        boolean negated = accept(Type.NAME, "not");
        String name = name();
        List<Expr> args = new ArrayList<>();
        if (acceptOp("(")) {
          arguments(args, new LinkedHashMap<>());
        } else if (startsArgument()) {
          args.add(postfix(primary()));
        }
        node = new Node.Test(node, name, args, negated);
      } else {
        return node;
      }
    }
  }

  /** Whether a test's single argument follows without parentheses ({@code is divisibleby 3}). */
  private boolean startsArgument() {
    Token t = peek(0);
    if (t == null) {
      return false;
    }
    return switch (t.type()) {
      case STRING, NUMBER -> true;
      case NAME -> !Set.of("else", "or", "and", "if", "in", "not", "is").contains(t.text());
      case OP -> t.text().equals("[") || t.text().equals("{");
      default -> false;
    };
  }

  private Node.Filter filter(Expr value) {
    String name = name();
    while (acceptOp(".")) {
      name = name + "." + name();
    }
    List<Expr> args = new ArrayList<>();
    Map<String, Expr> kwargs = new LinkedHashMap<>();
    if (acceptOp("(")) {
      arguments(args, kwargs);
    }
    return new Node.Filter(value, name, args, kwargs);
  }

  // --- tokens

  private Token peek(int ahead) {
    return at + ahead < tokens.size() ? tokens.get(at + ahead) : null;
  }

  private boolean peekType(Type type) {
    Token t = peek(0);
    return t != null && t.type() == type;
  }

  private boolean peekOp(String op) {
    Token t = peek(0);
    return t != null && t.isOp(op);
  }

  private Token next() {
    if (at >= tokens.size()) {
      throw new TemplateException("unexpected end of template");
    }
    return tokens.get(at++);
  }

  private boolean accept(Type type, String text) {
    Token t = peek(0);
    if (t != null && t.is(type, text)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptOp(String op) {
    return accept(Type.OP, op);
  }

  private void expect(Type type, String text) {
    if (!accept(type, text)) {
      Token t = peek(0);
      throw new TemplateException("expected '" + text + "' but found " + (t == null ? "the end" : "'" + t.text() + "'"));
    }
  }

  private void expectOp(String op) {
    expect(Type.OP, op);
  }

  private String name() {
    Token t = next();
    if (t.type() != Type.NAME) {
      throw new TemplateException("expected a name but found '" + t.text() + "'");
    }
    return t.text();
  }
}
