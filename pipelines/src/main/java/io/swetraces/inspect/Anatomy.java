package io.swetraces.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.ToolExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The anatomy of one record, for a person reading it on a console: its fields, role histogram, a
 * walkthrough of the first messages cut to a width, its tool calls and the head of its final patch.
 */
public final class Anatomy {
  private final int width;
  private final int messages;
  private final int charsPerMessage;
  private final int patchLines;

  private Anatomy(int width, int messages, int charsPerMessage, int patchLines) {
    this.width = width;
    this.messages = messages;
    this.charsPerMessage = charsPerMessage;
    this.patchLines = patchLines;
  }

  /** The tutorial's view: 8 messages of at most 240 characters, wrapped at 92, 25 patch lines. */
  public static Anatomy tutorial() {
    return new Anatomy(92, 8, 240, 25);
  }

  public Anatomy withWidth(int width) {
    return new Anatomy(Math.max(20, width), messages, charsPerMessage, patchLines);
  }

  public Anatomy withMessages(int messages) {
    return new Anatomy(width, Math.max(0, messages), charsPerMessage, patchLines);
  }

  /** {@code row} is the record as read; {@code t} the same record normalized by the pipeline. */
  public String render(JsonNode row, Trajectory t) {
    StringBuilder out = new StringBuilder();
    List<String> fields = new ArrayList<>();
    row.fieldNames().forEachRemaining(fields::add);
    line(out, "source", t.getSource() + " (row " + t.getPosition() + ")");
    line(out, "top-level fields", String.join(", ", fields));
    line(out, "instance_id", t.getInstanceId());
    line(out, "repo / language", t.getRepo() + " / " + t.getLanguage());
    line(out, "license", t.getLicense());
    line(out, "resolved (1/0/-1)", String.valueOf(t.getResolved()));
    line(out, "agent / model", t.getAgent() + " / " + t.getModel());
    line(out, "metadata", cut(t.getMetadataJson(), width * 3));

    List<Message> all = t.getMessages();
    out.append('\n').append("Trajectory has ").append(all.size()).append(" messages. Role histogram: ")
        .append(t.getRoleCounts()).append('\n');
    out.append('\n').append("--- Walkthrough: ").append(Math.min(messages, all.size())).append(" of ")
        .append(all.size()).append(" messages, each cut to ").append(charsPerMessage).append(" characters ---\n");
    for (int i = 0; i < Math.min(messages, all.size()); i++) {
      Message m = all.get(i);
      out.append('\n').append('[').append(i).append("] ").append(m.getRole().toUpperCase(Locale.ROOT));
      if (m.getName() != null) {
        out.append(" (").append(m.getName()).append(')');
      }
      out.append('\n');
      wrap(out, cut(String.join(" ", m.getContent().trim().split("\\s+")), charsPerMessage), "  ");
      for (ToolCall call : m.getToolCalls()) {
        wrap(out, cut("-> " + call.getName() + "(" + call.getArguments() + ")", charsPerMessage), "  ");
      }
    }
    if (all.size() > messages) {
      out.append("\n… (+").append(all.size() - messages).append(" more messages)\n");
    }

    Map<String, Long> tools = ToolExtractor.extract(all);
    out.append("\n--- Tool calls and actions: ").append(tools.values().stream().mapToLong(Long::longValue).sum())
        .append(" ---\n");
    if (tools.isEmpty()) {
      out.append("  (none detected)\n");
    }
    tools.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.append(String.format("  %-28s %7d%n", e.getKey(), e.getValue())));

    String patch = t.getModelPatch() == null ? "" : t.getModelPatch();
    List<String> lines = patch.lines().toList();
    out.append("\n--- Final patch: first ").append(Math.min(patchLines, lines.size())).append(" of ")
        .append(lines.size()).append(" lines ---\n");
    out.append(lines.isEmpty() ? "(empty)" : String.join("\n", lines.subList(0, Math.min(patchLines, lines.size()))))
        .append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format("%-18s: %s%n", name, value == null ? "(none)" : value));
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /** Greedy word wrap at the width, every line indented. */
  private void wrap(StringBuilder out, String text, String indent) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }
}
