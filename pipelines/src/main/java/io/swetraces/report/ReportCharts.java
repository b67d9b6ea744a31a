package io.swetraces.report;

import io.swetraces.stats.AnalysisStats;
import io.swetraces.stats.RunSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every chart of the report, built with JFreeChart from the figures of {@code summary.json} alone:
 * the tutorial's STEP 4–7 plots, plus the SFT funnel and the curated subset by language.
 */
public final class ReportCharts {
  static final Color BLUE = new Color(0x1f77b4);
  static final Color ORANGE = new Color(0xff7f0e);
  static final Color GREEN = new Color(0x2ca02c);
  static final Color RED = new Color(0xd62728);
  private static final List<Long> MARKED_WINDOWS = List.of(8_192L, 32_768L, 131_072L);

  /** One chart: a file name, a title, what the reader should know about it, and the chart. */
  public record Chart(String id, String title, String note, JFreeChart chart) {}

  private ReportCharts() {}

  public static List<Chart> all(RunSummary s) {
    List<Chart> charts = new ArrayList<>();
    charts.add(bars("sft-funnel", "SFT funnel: from rows read to training examples", "",
        funnel(s.counts()), "rows", BLUE, true));
    charts.add(bars("trajectories-per-language", "Trajectories per language", "",
        counts(s.trajectoriesPerLanguage(), RunSummary.LanguageCount::language, RunSummary.LanguageCount::trajectories),
        "count", BLUE, false));
    charts.add(rateBars("resolution-by-language", "Resolution rate by language",
        "Languages with at least " + AnalysisStats.MIN_LANGUAGE_ROWS
            + " labelled trajectories (resolved is 1 or 0), as in the tutorial.",
        s.resolutionByLanguage()));
    charts.add(agentModel(s.resolutionByAgentModel()));
    charts.add(histogram(s.histograms().get(AnalysisStats.MESSAGES.name()), "messages-per-trajectory",
        "Messages per trajectory", "number of messages", BLUE));
    charts.add(histogram(s.histograms().get(AnalysisStats.PATCH_CHURN.name()), "patch-churn",
        "Patch size: lines changed (clipped at p97)", "added + deleted lines", ORANGE));
    charts.add(scatter(s.scatterMessagesTokens()));
    charts.add(tokenHistogram(s.histograms().get(AnalysisStats.TRAJ_TOKENS.name())));
    charts.add(windowFit(s.contextWindowFit()));
    charts.add(bars("top-tools", "Top agent actions / tool invocations",
        "The " + AnalysisStats.TOP_TOOLS + " most frequent, across all rows.",
        counts(s.topTools(), RunSummary.ToolCount::tool, RunSummary.ToolCount::count), "count", BLUE, true));
    charts.add(toolTurns(s.meanToolTurnsByOutcome()));
    charts.add(bars("sft-by-language", "Curated SFT subset by language", "",
        counts(s.sftByLanguage(), RunSummary.LanguageKept::language, RunSummary.LanguageKept::kept),
        "training examples", GREEN, false));
    return charts;
  }

  private static <T> DefaultCategoryDataset counts(List<T> rows, Function<T, String> key, ToLongFunction<T> value) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    rows.forEach(r -> d.addValue(value.applyAsLong(r), "count", key.apply(r)));
    return d;
  }

  private static DefaultCategoryDataset funnel(RunSummary.Counts c) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    d.addValue(c.rowsRead(), "count", "rows read");
    d.addValue(c.rejected(), "count", "rejected (unreadable)");
    d.addValue(c.sampledOut(), "count", "sampled out (limitPerCombo)");
    d.addValue(c.analysed(), "count", "analysed");
    c.sftDropped().forEach((reason, n) -> d.addValue(n, "count", "dropped: " + reason.replace('_', ' ')));
    d.addValue(c.sftKept(), "count", "kept for SFT");
    return d;
  }

  private static Chart bars(String id, String title, String note, DefaultCategoryDataset data, String valueAxis,
      Color color, boolean horizontal) {
    JFreeChart chart = ChartFactory.createBarChart(title, "", valueAxis, data,
        horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, false, false, false);
    style(chart, color);
    if (data.getRowCount() > 0 && data.getRowKey(0).equals("count")) {
      chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    // Labels stay horizontal (wrapped when long): rotated ones become outlines in SVG, not text.
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(3);
    return new Chart(id, title, note, chart);
  }

  private static Chart rateBars(String id, String title, String note, List<RunSummary.LanguageRate> rows) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    rows.forEach(r -> d.addValue(r.rate(), "rate", r.language()));
    Chart c = bars(id, title, note, d, "fraction resolved", GREEN, false);
    c.chart().getCategoryPlot().getRangeAxis().setRange(0, 1);
    c.chart().getCategoryPlot().setNoDataMessage("No language has 25 labelled trajectories");
    return c;
  }

  private static Chart agentModel(List<RunSummary.PairRate> rows) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    rows.forEach(r -> d.addValue(r.rate(), r.model(), r.agent()));
    String title = "Resolution rate: scaffold x model";
    JFreeChart chart = ChartFactory.createBarChart(title, "agent", "fraction resolved", d,
        PlotOrientation.VERTICAL, true, false, false);
    style(chart, BLUE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getRangeAxis().setRange(0, 1);
    Color[] palette = {BLUE, ORANGE, GREEN, RED, new Color(0x9467bd), new Color(0x8c564b)};
    for (int i = 0; i < d.getRowCount(); i++) {
      plot.getRenderer().setSeriesPaint(i, palette[i % palette.length]);
    }
    return new Chart("resolution-by-agent-model", title, "Labelled trajectories only; one bar per model.", chart);
  }

  private static Chart histogram(RunSummary.Histogram h, String id, String title, String axis, Color color) {
    XYIntervalSeries series = new XYIntervalSeries(id);
    for (int i = 0; i < h.counts().size(); i++) {
      double lo = h.edges().get(i);
      double hi = h.edges().get(i + 1);
      long n = h.counts().get(i);
      series.add((lo + hi) / 2, lo, hi, n, n, n);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(series);
    JFreeChart chart = ChartFactory.createXYBarChart(title, axis, false, "trajectories", data,
        PlotOrientation.VERTICAL, false, false, false);
    style(chart, color);
    chart.getXYPlot().getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    String note = h.clippedAt() != null
        ? String.format(Locale.ROOT, "Values above p%d (%,.1f) are counted in the last bin.",
            Math.round(h.clipQuantile() * 100), h.clippedAt())
        : "";
    return new Chart(id, title, note, chart);
  }

  private static Chart tokenHistogram(RunSummary.Histogram h) {
    Chart c = histogram(h, "token-lengths", "Trajectory token-length distribution (clipped at p99)",
        "estimated tokens (cl100k_base)", BLUE);
    double p99 = h.clippedAt() == null ? 0 : h.clippedAt();
    XYPlot plot = c.chart().getXYPlot();
    Color[] colors = {GREEN, ORANGE, RED};
    for (int i = 0; i < MARKED_WINDOWS.size(); i++) {
      long w = MARKED_WINDOWS.get(i);
      if (w <= p99) {
        ValueMarker m = new ValueMarker(w, colors[i], new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel((w / 1024) + "k ctx");
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(m);
      }
    }
    return new Chart(c.id(), c.title(), c.note() + " Dashed lines: 8k, 32k and 128k context windows"
        + " (shown where they fall below p99).", c.chart());
  }

  private static Chart scatter(RunSummary.Scatter sample) {
    XYSeries resolved = new XYSeries("resolved");
    XYSeries unresolved = new XYSeries("unresolved");
    sample.points().forEach(p -> (p.resolved() ? resolved : unresolved).add(p.messages(), p.tokens()));
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(resolved);
    data.addSeries(unresolved);
    String title = "Trajectory length vs. token size, by outcome";
    JFreeChart chart = ChartFactory.createScatterPlot(title, "messages", "estimated tokens", data,
        PlotOrientation.VERTICAL, true, false, false);
    style(chart, GREEN);
    XYItemRenderer r = chart.getXYPlot().getRenderer();
    r.setSeriesPaint(0, new Color(GREEN.getRed(), GREEN.getGreen(), GREEN.getBlue(), 140));
    r.setSeriesPaint(1, new Color(RED.getRed(), RED.getGreen(), RED.getBlue(), 140));
    long shown = sample.shown();
    long labelled = sample.labelledRows();
    String note = shown < labelled
        ? String.format(Locale.ROOT, "A fixed sample of %,d of the %,d labelled trajectories (chosen by a hash of"
            + " each row, so every run shows the same points).", shown, labelled)
        : String.format(Locale.ROOT, "All %,d labelled trajectories.", labelled);
    return new Chart("length-vs-tokens", title, note, chart);
  }

  private static Chart windowFit(List<RunSummary.WindowFit> fit) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    fit.forEach(w -> d.addValue(w.fraction(), "fits", String.format(Locale.ROOT, "%,d", w.window())));
    Chart c = bars("context-window-fit", "Fraction of trajectories that fit a context window",
        "traj_tokens at most the window size.", d, "fraction of trajectories", BLUE, false);
    c.chart().getCategoryPlot().getRangeAxis().setRange(0, 1);
    return c;
  }

  private static Chart toolTurns(Map<String, Double> turns) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    turns.forEach((outcome, mean) -> d.addValue(mean, "turns", outcome));
    return bars("tool-turns-by-outcome", "Mean tool (environment) turns by outcome",
        "Messages with the role tool, per labelled trajectory.", d, "mean tool turns", ORANGE, false);
  }

  private static void style(JFreeChart chart, Color color) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    if (chart.getPlot() instanceof CategoryPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
      plot.setNoDataMessage("No data in this run");
      BarRenderer r = (BarRenderer) plot.getRenderer();
      r.setBarPainter(new StandardBarPainter());
      r.setShadowVisible(false);
      r.setSeriesPaint(0, color);
    } else if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
      plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
      plot.setNoDataMessage("No data in this run");
      if (plot.getRenderer() instanceof XYBarRenderer r) {
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
      }
      plot.getRenderer().setSeriesPaint(0, color);
    }
  }
}
