package io.swetraces.stats;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.io.AnalysisTable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;

/** The figures of a small table, worked out by hand. */
public class AnalysisStatsTest {
  private static Row row(String lang, int resolved, String agent, int nTool, long tokens, String tools,
      String dropReason) {
    Row.Builder b = Row.withSchema(AnalysisTable.SCHEMA);
    for (String f : AnalysisTable.SCHEMA.getFieldNames()) {
      Object v;
      switch (f) {
        case "language": v = lang; break;
        case "resolved": v = resolved; break;
        case "agent": v = agent; break;
        case "model": v = "m"; break;
        case "n_tool": v = nTool; break;
        case "traj_tokens": v = tokens; break;
        case "sft_tokens": v = tokens + 10; break;
        case "is_resolved": v = resolved == 1; break;
        case "known_label": v = resolved >= 0; break;
        case "tool_counts": v = tools; break;
        case "sft_kept": v = dropReason == null; break;
        case "sft_drop_reason": v = dropReason; break;
        case "source_file": v = "f"; break;
        case "patch_extensions": v = "{}"; break;
        default: v = zero(AnalysisTable.SCHEMA.getField(f).getType());
      }
      b.addValue(v);
    }
    return b.build();
  }

  private static Object zero(Schema.FieldType type) {
    if (type.getNullable()) {
      return null;
    }
    switch (type.getTypeName()) {
      case INT32: return 0;
      case INT64: return 0L;
      case BOOLEAN: return false;
      default: return "";
    }
  }

  @Test
  public void accumulatorsSurviveTheCoderSideBySide() throws Exception {
    AnalysisStatsFn fn = new AnalysisStatsFn();
    AnalysisStats a = fn.createAccumulator();
    AnalysisStats b = fn.createAccumulator();
    for (int i = 0; i < 300; i++) {
      Row r = row(i % 3 == 0 ? "python" : "java", i % 2, "openhands", i % 7, 1_000 + 37 * i, "{\"bash\":1}", null);
      fn.addInput(i % 2 == 0 ? a : b, r);
    }
    // Nested in a list, each accumulator must read back exactly its own bytes.
    List<AnalysisStats> copies = CoderUtils.clone(ListCoder.of(AnalysisStatsCoder.of()), List.of(a, b));
    assertEquals(fn.extractOutput(fn.mergeAccumulators(List.of(a, b))).figures(),
        fn.extractOutput(fn.mergeAccumulators(copies)).figures());
  }

  @Test
  public void figuresOfAHandComputedTable() throws Exception {
    List<Row> rows =
        List.of(
            row("python", 1, "openhands", 4, 1_000, "{\"bash\":2,\"edit\":1}", null),
            row("python", 0, "openhands", 2, 9_000, "{\"bash\":1}", "unresolved"),
            row("java", 1, "sweagent", 6, 40_000, "{\"edit\":1}", "over_token_budget"),
            row("java", -1, "sweagent", 0, 200_000, "{}", "unresolved"));
    AnalysisStatsFn fn = new AnalysisStatsFn();
    // Two partial accumulators, encoded and decoded, merged: as a runner would.
    AnalysisStats a = CoderUtils.clone(AnalysisStatsCoder.of(),
        fn.addInput(fn.addInput(fn.createAccumulator(), rows.get(0)), rows.get(1)));
    AnalysisStats b = CoderUtils.clone(AnalysisStatsCoder.of(),
        fn.addInput(fn.addInput(fn.createAccumulator(), rows.get(2)), rows.get(3)));
    JsonNode f = fn.extractOutput(fn.mergeAccumulators(List.of(a, b))).figures();

    JsonNode tokens = f.path("numeric_summary").path("traj_tokens");
    assertEquals(4, tokens.path("count").asLong());
    assertEquals(62_500.0, tokens.path("mean").asDouble(), 1e-9);
    // sorted 1000, 9000, 40000, 200000: 25% at rank 0.75, 50% at 1.5, 75% at 2.25
    assertEquals(7_000.0, tokens.path("25%").asDouble(), 1e-9);
    assertEquals(24_500.0, tokens.path("50%").asDouble(), 1e-9);
    assertEquals(80_000.0, tokens.path("75%").asDouble(), 1e-9);
    // sample standard deviation (ddof 1), as pandas computes it
    assertEquals(93_196.924, tokens.path("std").asDouble(), 1e-3);
    assertEquals(152_000, f.path("traj_token_percentiles").path("p90").asLong());
    assertEquals(200_000, f.path("traj_token_percentiles").path("max").asLong());
    assertEquals(0.5, f.path("context_window_fit").get(1).path("fraction").asDouble(), 1e-9);
    assertEquals(0.75, f.path("context_window_fit").get(3).path("fraction").asDouble(), 1e-9);

    // No language has 25 labelled rows.
    assertEquals(0, f.path("resolution_by_language").size());
    JsonNode combos = f.path("resolution_by_agent_model");
    assertEquals("openhands", combos.get(0).path("agent").asText());
    assertEquals(0.5, combos.get(0).path("rate").asDouble(), 1e-9);
    assertEquals(1.0, combos.get(1).path("rate").asDouble(), 1e-9);
    assertEquals(1, combos.get(1).path("n").asLong());
    assertEquals(2.0, f.path("mean_tool_turns_by_outcome").path("unresolved").asDouble(), 1e-9);
    assertEquals(5.0, f.path("mean_tool_turns_by_outcome").path("resolved").asDouble(), 1e-9);
    assertEquals("bash", f.path("top_tools").get(0).path("tool").asText());
    assertEquals(3, f.path("top_tools").get(0).path("count").asLong());
    assertEquals("edit", f.path("top_tools").get(1).path("tool").asText());
    assertEquals("java", f.path("trajectories_per_language").get(0).path("language").asText());
    assertEquals(1, f.path("sft_by_language").get(0).path("kept").asLong());

    JsonNode summary = RunSummary.of(fn.mergeAccumulators(List.of(a, b)), 6, 0,
        Map.of("malformed_json", 2L), Map.of("runner", "DirectRunner"));
    assertEquals(true, summary.path("counts").path("accounted_for").asBoolean());
    assertEquals(2, summary.path("counts").path("sft_dropped").path("unresolved").asLong());
    assertEquals(1, summary.path("counts").path("sft_kept").asLong());
  }
}
