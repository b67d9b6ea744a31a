package io.swetraces.stats;

import static org.junit.Assert.assertEquals;

import io.swetraces.model.AnalysisRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/** The figures of a small table, worked out by hand. */
public class AnalysisStatsTest {
  private static AnalysisRow row(String lang, int resolved, String agent, int nTool, long tokens,
      Map<String, Long> tools, String dropReason) {
    return AnalysisRow.builder()
        .setLanguage(lang).setResolved(resolved).setAgent(agent).setModel("m")
        .setMessages(0).setSystemMessages(0).setUserMessages(0).setAssistantMessages(0).setToolMessages(nTool)
        .setPatchFiles(0).setPatchAdded(0).setPatchDeleted(0).setTrajTokens(tokens).setSftTokens(tokens + 10)
        .setAssistantTokens(0).setSourceFile("f").setSourceRow(0).setToolCalls(0).setToolCounts(tools)
        .setPatchExtensions(Map.of()).setPatched(false).setSftDropReason(dropReason)
        .build();
  }

  private static RunSummary summary(AnalysisStats stats) {
    return RunSummary.of(stats, 6, 0, Map.of("malformed_json", 2L),
        new RunSummary.Settings("in", null, null, null, "DirectRunner", null, null, 0, "HUNK", "all", "off", null, "trainOn=ALL, reasoning=KEEP, sftFormat=none"));
  }

  @Test
  public void accumulatorsSurviveTheCoderSideBySide() throws Exception {
    AnalysisStatsFn fn = new AnalysisStatsFn();
    AnalysisStats a = fn.createAccumulator();
    AnalysisStats b = fn.createAccumulator();
    for (int i = 0; i < 300; i++) {
      AnalysisRow r = row(i % 3 == 0 ? "python" : "java", i % 2, "openhands", i % 7, 1_000 + 37 * i,
          Map.of("bash", 1L), null);
      fn.addInput(i % 2 == 0 ? a : b, r);
    }
    // Nested in a list, each accumulator must read back exactly its own bytes.
    List<AnalysisStats> copies = CoderUtils.clone(ListCoder.of(AnalysisStatsCoder.of()), List.of(a, b));
    assertEquals(summary(fn.extractOutput(fn.mergeAccumulators(List.of(a, b)))),
        summary(fn.extractOutput(fn.mergeAccumulators(copies))));
  }

  @Test
  public void figuresOfAHandComputedTable() throws Exception {
    List<AnalysisRow> rows =
        List.of(
            row("python", 1, "openhands", 4, 1_000, Map.of("bash", 2L, "edit", 1L), null),
            row("python", 0, "openhands", 2, 9_000, Map.of("bash", 1L), "unresolved"),
            row("java", 1, "sweagent", 6, 40_000, Map.of("edit", 1L), "over_token_budget"),
            row("java", -1, "sweagent", 0, 200_000, Map.of(), "unresolved"));
    AnalysisStatsFn fn = new AnalysisStatsFn();
    // Two partial accumulators, encoded and decoded, merged: as a runner would.
    AnalysisStats a = CoderUtils.clone(AnalysisStatsCoder.of(),
        fn.addInput(fn.addInput(fn.createAccumulator(), rows.get(0)), rows.get(1)));
    AnalysisStats b = CoderUtils.clone(AnalysisStatsCoder.of(),
        fn.addInput(fn.addInput(fn.createAccumulator(), rows.get(2)), rows.get(3)));
    RunSummary f = summary(fn.extractOutput(fn.mergeAccumulators(List.of(a, b))));

    RunSummary.Describe tokens = f.numericSummary().get("traj_tokens");
    assertEquals(4, tokens.count());
    assertEquals(62_500.0, tokens.mean(), 1e-9);
    // sorted 1000, 9000, 40000, 200000: 25% at rank 0.75, 50% at 1.5, 75% at 2.25
    assertEquals(7_000.0, tokens.p25(), 1e-9);
    assertEquals(24_500.0, tokens.p50(), 1e-9);
    assertEquals(80_000.0, tokens.p75(), 1e-9);
    // sample standard deviation (ddof 1), as pandas computes it
    assertEquals(93_196.924, tokens.std(), 1e-3);
    assertEquals(152_000L, (long) f.trajTokenPercentiles().get("p90"));
    assertEquals(200_000L, (long) f.trajTokenPercentiles().get("max"));
    assertEquals(0.5, f.contextWindowFit().get(1).fraction(), 1e-9);
    assertEquals(0.75, f.contextWindowFit().get(3).fraction(), 1e-9);

    // No language has 25 labelled rows.
    assertEquals(0, f.resolutionByLanguage().size());
    List<RunSummary.PairRate> pairs = f.resolutionByAgentModel();
    assertEquals("openhands", pairs.get(0).agent());
    assertEquals(0.5, pairs.get(0).rate(), 1e-9);
    assertEquals(1.0, pairs.get(1).rate(), 1e-9);
    assertEquals(1, pairs.get(1).n());
    assertEquals(2.0, f.meanToolTurnsByOutcome().get("unresolved"), 1e-9);
    assertEquals(5.0, f.meanToolTurnsByOutcome().get("resolved"), 1e-9);
    assertEquals("bash", f.topTools().get(0).tool());
    assertEquals(3, f.topTools().get(0).count());
    assertEquals("edit", f.topTools().get(1).tool());
    assertEquals("java", f.trajectoriesPerLanguage().get(0).language());
    assertEquals(1, f.sftByLanguage().get(0).kept());

    assertEquals(true, f.counts().accountedFor());
    assertEquals(2L, (long) f.counts().sftDropped().get("unresolved"));
    assertEquals(1, f.counts().sftKept());
    // What summary.json holds reads back as the same summary.
    assertEquals(f, RunSummary.fromJson(new ByteArrayInputStream(f.toJson().getBytes(StandardCharsets.UTF_8))));
  }
}
