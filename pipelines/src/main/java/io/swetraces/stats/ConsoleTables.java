package io.swetraces.stats;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a run's summary as the readable tables the tutorial prints along the way. */
public final class ConsoleTables {
  private ConsoleTables() {}

  public static void print(RunSummary s, PrintStream out) {
    RunSummary.Counts c = s.counts();
    banner(out, "Rows");
    out.printf(Locale.ROOT, "  read %,d = analysed %,d + rejected %,d + sampled out %,d%s%n",
        c.rowsRead(), c.analysed(), c.rejected(), c.sampledOut(), c.accountedFor() ? "" : "  (MISMATCH)");
    c.rejectedByReason().forEach(
        (reason, n) -> out.printf(Locale.ROOT, "    rejected %-22s %,8d%n", reason, n));
    if (s.specialTokenText().rows() > 0) {
      out.printf(Locale.ROOT, "  %,d rows hold special tokens as text (<|im_start|>, ...), %,d in all%n",
          s.specialTokenText().rows(), s.specialTokenText().occurrences());
    }

    banner(out, "Numeric summary");
    out.printf(Locale.ROOT, "  %-6s", "");
    s.numericSummary().keySet().forEach(n -> out.printf(Locale.ROOT, " %12s", n));
    out.println();
    String[] stats = {"count", "mean", "std", "min", "25%", "50%", "75%", "max"};
    for (int i = 0; i < stats.length; i++) {
      out.printf(Locale.ROOT, "  %-6s", stats[i]);
      for (RunSummary.Describe d : s.numericSummary().values()) {
        double[] values = {d.count(), d.mean(), d.std(), d.min(), d.p25(), d.p50(), d.p75(), d.max()};
        out.printf(Locale.ROOT, " %12.1f", values[i]);
      }
      out.println();
    }

    banner(out, "Trajectories per language");
    s.trajectoriesPerLanguage().forEach(
        r -> out.printf(Locale.ROOT, "  %-16s %,8d%n", r.language(), r.trajectories()));
    banner(out, "Resolution rate by language (n >= " + AnalysisStats.MIN_LANGUAGE_ROWS + ")");
    s.resolutionByLanguage().forEach(
        r -> out.printf(Locale.ROOT, "  %-16s %6.3f  n=%,d%n", r.language(), r.rate(), r.n()));
    banner(out, "Resolution rate by agent x model");
    s.resolutionByAgentModel().forEach(
        r -> out.printf(Locale.ROOT, "  %-14s %-22s %6.3f  n=%,d%n", r.agent(), r.model(), r.rate(), r.n()));

    banner(out, "Token budget (traj_tokens)");
    s.trajTokenPercentiles().forEach((p, n) -> out.printf(Locale.ROOT, "  %-4s %,10d%n", p, n));
    s.contextWindowFit().forEach(w -> out.printf(Locale.ROOT, "  fits %,8d tokens: %5.1f%%%n", w.window(),
        100 * w.fraction()));

    banner(out, "Top tools / actions");
    s.topTools().forEach(t -> out.printf(Locale.ROOT, "  %-24s %,8d%n", t.tool(), t.count()));
    s.meanToolTurnsByOutcome().forEach(
        (outcome, turns) -> out.printf(Locale.ROOT, "  mean tool turns, %-10s %6.2f%n", outcome, turns));

    banner(out, "Curated SFT subset");
    out.printf(Locale.ROOT, "  kept %,d of %,d (%s)%n", c.sftKept(), c.analysed(), s.settings().sftCriteria());
    c.sftDropped().forEach((reason, n) -> out.printf(Locale.ROOT, "    dropped %-22s %,8d%n", reason, n));
    s.sftByLanguage().forEach(r -> out.printf(Locale.ROOT, "  %-16s %,8d%n", r.language(), r.kept()));
  }

  private static void banner(PrintStream out, String title) {
    out.println();
    out.println("== " + title + " " + "=".repeat(Math.max(0, 74 - title.length())));
  }
}
