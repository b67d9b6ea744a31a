package io.swetraces.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Prints {@code summary.json} as the readable tables the tutorial prints along the way. */
public final class ConsoleTables {
  private ConsoleTables() {}

  public static void print(JsonNode s, PrintStream out) {
    JsonNode c = s.path("counts");
    banner(out, "Rows");
    out.printf(Locale.ROOT, "  read %,d = analysed %,d + rejected %,d + sampled out %,d%s%n",
        c.path("rows_read").asLong(), c.path("analysed").asLong(), c.path("rejected").asLong(),
        c.path("sampled_out").asLong(), c.path("accounted_for").asBoolean() ? "" : "  (MISMATCH)");
    c.path("rejected_by_reason").fields().forEachRemaining(
        e -> out.printf(Locale.ROOT, "    rejected %-22s %,8d%n", e.getKey(), e.getValue().asLong()));

    banner(out, "Numeric summary");
    JsonNode numeric = s.path("numeric_summary");
    String[] stats = {"count", "mean", "std", "min", "25%", "50%", "75%", "max"};
    out.printf(Locale.ROOT, "  %-6s", "");
    numeric.fieldNames().forEachRemaining(n -> out.printf(Locale.ROOT, " %12s", n));
    out.println();
    for (String stat : stats) {
      out.printf(Locale.ROOT, "  %-6s", stat);
      numeric.elements().forEachRemaining(
          col -> out.printf(Locale.ROOT, " %12.1f", col.path(stat).asDouble()));
      out.println();
    }

    banner(out, "Trajectories per language");
    for (JsonNode row : s.path("trajectories_per_language")) {
      out.printf(Locale.ROOT, "  %-16s %,8d%n", row.path("language").asText(), row.path("trajectories").asLong());
    }
    banner(out, "Resolution rate by language (n >= " + AnalysisStats.MIN_LANGUAGE_ROWS + ")");
    for (JsonNode row : s.path("resolution_by_language")) {
      out.printf(Locale.ROOT, "  %-16s %6.3f  n=%,d%n", row.path("language").asText(),
          row.path("rate").asDouble(), row.path("n").asLong());
    }
    banner(out, "Resolution rate by agent x model");
    for (JsonNode row : s.path("resolution_by_agent_model")) {
      out.printf(Locale.ROOT, "  %-14s %-22s %6.3f  n=%,d%n", row.path("agent").asText(),
          row.path("model").asText(), row.path("rate").asDouble(), row.path("n").asLong());
    }

    banner(out, "Token budget (traj_tokens)");
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("traj_token_percentiles").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.printf(Locale.ROOT, "  %-4s %,10d%n", e.getKey(), e.getValue().asLong());
    }
    for (JsonNode row : s.path("context_window_fit")) {
      out.printf(Locale.ROOT, "  fits %,8d tokens: %5.1f%%%n", row.path("window").asLong(),
          100 * row.path("fraction").asDouble());
    }

    banner(out, "Top tools / actions");
    for (JsonNode row : s.path("top_tools")) {
      out.printf(Locale.ROOT, "  %-24s %,8d%n", row.path("tool").asText(), row.path("count").asLong());
    }
    s.path("mean_tool_turns_by_outcome").fields().forEachRemaining(
        e -> out.printf(Locale.ROOT, "  mean tool turns, %-10s %6.2f%n", e.getKey(), e.getValue().asDouble()));

    banner(out, "Curated SFT subset");
    out.printf(Locale.ROOT, "  kept %,d of %,d (%s)%n", c.path("sft_kept").asLong(),
        c.path("analysed").asLong(), s.path("settings").path("sft_criteria").asText());
    c.path("sft_dropped").fields().forEachRemaining(
        e -> out.printf(Locale.ROOT, "    dropped %-22s %,8d%n", e.getKey(), e.getValue().asLong()));
    for (JsonNode row : s.path("sft_by_language")) {
      out.printf(Locale.ROOT, "  %-16s %,8d%n", row.path("language").asText(), row.path("kept").asLong());
    }
  }

  private static void banner(PrintStream out, String title) {
    out.println();
    out.println("== " + title + " " + "=".repeat(Math.max(0, 74 - title.length())));
  }
}
