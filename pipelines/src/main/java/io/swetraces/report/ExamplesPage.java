package io.swetraces.report;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import io.swetraces.text.PyText;
import io.swetraces.transforms.SftCriteria;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report/examples.html}: a few trajectories the run kept for training and a few it dropped
 * for each reason, each shown as the conversation the SFT set holds: roles in turn, reasoning and
 * long texts folded ({@code <details>}), tool calls with their name and arguments, the final patch
 * as a coloured diff, and the row's figures. One offline page: everything escaped, no script,
 * nothing fetched.
 */
public final class ExamplesPage {
  /** The group of the kept examples, shown before the drop reasons. */
  public static final String KEPT = "kept";
  /** Texts longer than this are folded behind their start. */
  static final int FOLD_CHARS = 1_200;
  private static final int SHOWN_CHARS = 400;

  private ExamplesPage() {}

  /** The page for these examples, by group ({@link #KEPT} or a drop reason). */
  public static String render(Map<String, List<Trajectory>> groups) {
    Map<String, List<Trajectory>> ordered =
        new TreeMap<>(Comparator.comparingInt(ExamplesPage::rank).thenComparing(Comparator.naturalOrder()));
    ordered.putAll(groups);
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>swe-traces examples</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>Examples</h1>\n<p class=\"lead\">A fixed sample of this run's trajectories, the same on every ")
        .append("runner: some kept for the SFT set and some dropped for each reason, as the SFT set holds them. ")
        .append("<a href=\"report.html\">Back to the report</a>.</p>\n");
    if (ordered.isEmpty()) {
      h.append("<p class=\"notice\" id=\"none\">No trajectory was analysed in this run.</p>\n");
    }
    h.append("<nav id=\"contents\"><ul>\n");
    ordered.forEach((group, examples) -> h.append("<li><a href=\"#").append(id(group)).append("\">")
        .append(escape(title(group))).append("</a> (").append(examples.size()).append(")</li>\n"));
    h.append("</ul></nav>\n");
    ordered.forEach((group, examples) -> {
      h.append("<section class=\"group\" id=\"").append(id(group)).append("\">\n<h2>").append(escape(title(group)))
          .append("</h2>\n");
      examples.forEach(t -> example(h, t));
      h.append("</section>\n");
    });
    return h.append("</body>\n</html>\n").toString();
  }

  private static void example(StringBuilder h, Trajectory t) {
    h.append("<article class=\"example\">\n<h3>").append(escape(String.valueOf(t.getInstanceId()))).append("</h3>\n")
        .append("<p class=\"figures\">").append(escape(figures(t))).append("</p>\n");
    for (Message m : t.getMessages()) {
      h.append("<div class=\"turn ").append(roleClass(m.getRole())).append("\"><div class=\"role\">")
          .append(escape(m.getRole())).append("</div>\n");
      String reasoning = m.getReasoningContent();
      if (reasoning != null && !reasoning.isEmpty()) {
        h.append("<details class=\"reasoning\"><summary>reasoning, ").append(count(reasoning.length()))
            .append(" characters</summary><pre>").append(escape(reasoning)).append("</pre></details>\n");
      }
      text(h, m.getContent());
      for (ToolCall call : m.getToolCalls()) {
        h.append("<div class=\"call\"><span class=\"tool\">").append(escape(String.valueOf(call.getName())))
            .append("</span>\n");
        text(h, call.getArguments());
        h.append("</div>\n");
      }
      h.append("</div>\n");
    }
    String patch = t.getModelPatch();
    if (patch != null && !PyText.strip(patch).isEmpty()) {
      h.append("<details class=\"patch\" open><summary>final patch</summary><pre>");
      for (String line : PyText.splitLines(patch)) {
        h.append("<span class=\"").append(diffClass(line)).append("\">").append(escape(line)).append("</span>\n");
      }
      h.append("</pre></details>\n");
    }
    h.append("</article>\n");
  }

  /** A text, folded behind its start when long. */
  private static void text(StringBuilder h, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (text.length() <= FOLD_CHARS) {
      h.append("<pre>").append(escape(text)).append("</pre>\n");
      return;
    }
    int shown = Character.isHighSurrogate(text.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
    h.append("<details><summary><span class=\"start\">").append(escape(text.substring(0, shown)))
        .append("</span> … ").append(count(text.length())).append(" characters in all</summary><pre>")
        .append(escape(text)).append("</pre></details>\n");
  }

  private static String diffClass(String line) {
    if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff ")) {
      return "file";
    }
    return line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : line.startsWith("@@") ? "hunk" : "context";
  }

  private static String figures(Trajectory t) {
    StringBuilder f = new StringBuilder()
        .append(t.getAgent()).append(" / ").append(t.getModel()).append(" · ").append(t.getLanguage()).append(" · ")
        .append(t.getResolved() == 1 ? "resolved" : t.getResolved() == 0 ? "not resolved" : "no label")
        .append(" · ").append(t.getMessages().size()).append(" messages");
    if (t.getTokenCounts() != null) {
      f.append(" · ").append(count(t.getTokenCounts().getSftTokens())).append(" SFT tokens");
    }
    if (t.getPatchStats() != null) {
      f.append(String.format(Locale.ROOT, " · patch: %d files, +%d −%d", t.getPatchStats().getFiles(),
          t.getPatchStats().getAdded(), t.getPatchStats().getDeleted()));
    }
    String file = t.getSource();
    return f.append(" · ").append(file.substring(file.lastIndexOf('/') + 1)).append(", row ").append(t.getPosition())
        .toString();
  }

  private static int rank(String group) {
    if (KEPT.equals(group)) {
      return -1;
    }
    int i = SftCriteria.REASONS.indexOf(group);
    return i < 0 ? SftCriteria.REASONS.size() : i;
  }

  static String title(String group) {
    return KEPT.equals(group) ? "Kept for the SFT set" : "Dropped: " + group.replace('_', ' ');
  }

  static String id(String group) {
    return "group-" + group.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  private static String roleClass(String role) {
    return switch (role) {
      case "system", "user", "assistant", "tool" -> role;
      default -> "other";
    };
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String escape(String s) {
    return ReportPage.escape(s);
  }

  private static final String CSS = String.join("\n",
      "body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem;",
      "  color: #222; }",
      ".lead { font-size: 1.05rem; }",
      ".notice { background: #fff4e5; border-left: 4px solid #ff7f0e; padding: .6rem 1rem; }",
      "article.example { border: 1px solid #ddd; padding: .6rem 1rem; margin: 1rem 0; }",
      ".figures { color: #555; font-size: .85rem; }",
      ".turn { border-left: 4px solid #ccc; margin: .5rem 0; padding: .2rem .6rem; }",
      ".turn.system { border-color: #999; } .turn.user { border-color: #1f77b4; }",
      ".turn.assistant { border-color: #2ca02c; } .turn.tool { border-color: #ff7f0e; }",
      ".role { font-weight: bold; font-size: .8rem; text-transform: uppercase; color: #555; }",
      "pre, .start { white-space: pre-wrap; overflow-wrap: anywhere; font-family: monospace; font-size: .82rem; }",
      "pre { margin: .2rem 0; }",
      ".call { background: #f4f8f4; padding: .2rem .5rem; margin: .3rem 0; }",
      ".tool { font-family: monospace; font-weight: bold; }",
      ".patch .add { color: #116611; background: #eaffea; } .patch .del { color: #aa1111; background: #ffecec; }",
      ".patch .hunk { color: #5555aa; } .patch .file { font-weight: bold; }",
      "");
}
