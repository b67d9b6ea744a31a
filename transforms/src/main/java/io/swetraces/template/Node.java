package io.swetraces.template;

import java.util.List;
import java.util.Map;

/** The parsed template: statements, and the expressions they hold. */
final class Node {
  private Node() {}

  sealed interface Stmt {}

  record Text(String text) implements Stmt {}

  record Output(Expr value) implements Stmt {}

  record Branch(Expr condition, List<Stmt> body) {}

  record If(List<Branch> branches, List<Stmt> otherwise) implements Stmt {}

  record For(List<String> targets, Expr iterable, Expr filter, List<Stmt> body, List<Stmt> otherwise)
      implements Stmt {}

  record Set(Expr target, Expr value) implements Stmt {}

  record SetBlock(String name, List<Stmt> body) implements Stmt {}

  record Macro(String name, List<String> params, Map<String, Expr> defaults, List<Stmt> body) implements Stmt {}

  record FilterBlock(Filter filter, List<Stmt> body) implements Stmt {}

  record Break() implements Stmt {}

  record Continue() implements Stmt {}

  sealed interface Expr {}

  record Literal(Object value) implements Expr {}

  record Name(String name) implements Expr {}

  record ListLit(List<Expr> items, boolean tuple) implements Expr {}

  record DictLit(List<Expr> keys, List<Expr> values) implements Expr {}

  record Attr(Expr object, String name) implements Expr {}

  record Index(Expr object, Expr key) implements Expr {}

  record Slice(Expr object, Expr start, Expr stop, Expr step) implements Expr {}

  record Call(Expr function, List<Expr> args, Map<String, Expr> kwargs) implements Expr {}

  /** {@code value | name(args)}; the value is null in a filter block. */
  record Filter(Expr value, String name, List<Expr> args, Map<String, Expr> kwargs) implements Expr {}

  record Test(Expr value, String name, List<Expr> args, boolean negated) implements Expr {}

  record Unary(String op, Expr operand) implements Expr {}

  record Binary(String op, Expr left, Expr right) implements Expr {}

  record Ternary(Expr condition, Expr then, Expr otherwise) implements Expr {}
}
