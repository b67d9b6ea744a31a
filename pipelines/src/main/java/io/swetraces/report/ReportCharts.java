package io.swetraces.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  public static List<Chart> all(JsonNode s) {
    List<Chart> charts = new ArrayList<>();
    charts.add(bars("sft-funnel", "SFT funnel: from rows read to training examples", "",
        funnel(s), "rows", BLUE, true));
    charts.add(bars("trajectories-per-language", "Trajectories per language", "",
        counts(s.path("trajectories_per_language"), "language", "trajectories"), "count", BLUE, false));
    charts.add(rateBars("resolution-by-language", "Resolution rate by language",
        "Languages with at least 25 labelled trajectories (resolved is 1 or 0), as in the tutorial.",
        s.path("resolution_by_language"), "language"));
    charts.add(agentModel(s.path("resolution_by_agent_model")));
    charts.add(histogram(s, "n_messages", "messages-per-trajectory", "Messages per trajectory",
        "number of messages", BLUE));
    charts.add(histogram(s, "patch_churn", "patch-churn", "Patch size: lines changed (clipped at p97)",
        "added + deleted lines", ORANGE));
    charts.add(scatter(s.path("scatter_messages_tokens")));
    charts.add(tokenHistogram(s));
    charts.add(windowFit(s.path("context_window_fit")));
    charts.add(bars("top-tools", "Top agent actions / tool invocations", "The 12 most frequent, across all rows.",
        counts(s.path("top_tools"), "tool", "count"), "count", BLUE, true));
    charts.add(toolTurns(s.path("mean_tool_turns_by_outcome")));
    charts.add(bars("sft-by-language", "Curated SFT subset by language", "",
        counts(s.path("sft_by_language"), "language", "kept"), "training examples", GREEN, false));
    return charts;
  }

  private static DefaultCategoryDataset counts(JsonNode rows, String key, String value) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    rows.forEach(r -> d.addValue(r.path(value).asLong(), "count", r.path(key).asText()));
    return d;
  }

  private static DefaultCategoryDataset funnel(JsonNode s) {
    JsonNode c = s.path("counts");
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    d.addValue(c.path("rows_read").asLong(), "count", "rows read");
    d.addValue(c.path("rejected").asLong(), "count", "rejected (unreadable)");
    d.addValue(c.path("sampled_out").asLong(), "count", "sampled out (limitPerCombo)");
    d.addValue(c.path("analysed").asLong(), "count", "analysed");
    c.path("sft_dropped").fields().forEachRemaining(e ->
        d.addValue(e.getValue().asLong(), "count", "dropped: " + e.getKey().replace('_', ' ')));
    d.addValue(c.path("sft_kept").asLong(), "count", "kept for SFT");
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

  private static Chart rateBars(String id, String title, String note, JsonNode rows, String key) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    rows.forEach(r -> d.addValue(r.path("rate").asDouble(), "rate", r.path(key).asText()));
    Chart c = bars(id, title, note, d, "fraction resolved", GREEN, false);
    c.chart().getCategoryPlot().getRangeAxis().setRange(0, 1);
    c.chart().getCategoryPlot().setNoDataMessage("No language has 25 labelled trajectories");
    return c;
  }

  private static Chart agentModel(JsonNode rows) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    rows.forEach(r -> d.addValue(r.path("rate").asDouble(), r.path("model").asText(), r.path("agent").asText()));
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

  private static Chart histogram(JsonNode s, String column, String id, String title, String axis, Color color) {
    JsonNode h = s.path("histograms").path(column);
    XYIntervalSeries series = new XYIntervalSeries(column);
    JsonNode edges = h.path("edges");
    JsonNode counts = h.path("counts");
    for (int i = 0; i < counts.size(); i++) {
      double lo = edges.get(i).asDouble();
      double hi = edges.get(i + 1).asDouble();
      long n = counts.get(i).asLong();
      series.add((lo + hi) / 2, lo, hi, n, n, n);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(series);
    JFreeChart chart = ChartFactory.createXYBarChart(title, axis, false, "trajectories", data,
        PlotOrientation.VERTICAL, false, false, false);
    style(chart, color);
    chart.getXYPlot().getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    String note = h.has("clipped_at")
        ? String.format(Locale.ROOT, "Values above p%d (%,.1f) are counted in the last bin.",
            Math.round(h.path("clip_quantile").asDouble() * 100), h.path("clipped_at").asDouble())
        : "";
    return new Chart(id, title, note, chart);
  }

  private static Chart tokenHistogram(JsonNode s) {
    Chart c = histogram(s, "traj_tokens", "token-lengths", "Trajectory token-length distribution (clipped at p99)",
        "estimated tokens (cl100k_base)", BLUE);
    double p99 = s.path("histograms").path("traj_tokens").path("clipped_at").asDouble();
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

  private static Chart scatter(JsonNode sample) {
    XYSeries resolved = new XYSeries("resolved");
    XYSeries unresolved = new XYSeries("unresolved");
    sample.path("points").forEach(p ->
        (p.get(2).asBoolean() ? resolved : unresolved).add(p.get(0).asDouble(), p.get(1).asDouble()));
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
    long shown = sample.path("shown").asLong();
    long labelled = sample.path("labelled_rows").asLong();
    String note = shown < labelled
        ? String.format(Locale.ROOT, "A fixed sample of %,d of the %,d labelled trajectories (chosen by a hash of"
            + " each row, so every run shows the same points).", shown, labelled)
        : String.format(Locale.ROOT, "All %,d labelled trajectories.", labelled);
    return new Chart("length-vs-tokens", title, note, chart);
  }

  private static Chart windowFit(JsonNode fit) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    fit.forEach(w -> d.addValue(w.path("fraction").asDouble(), "fits",
        String.format(Locale.ROOT, "%,d", w.path("window").asLong())));
    Chart c = bars("context-window-fit", "Fraction of trajectories that fit a context window",
        "traj_tokens at most the window size.", d, "fraction of trajectories", BLUE, false);
    c.chart().getCategoryPlot().getRangeAxis().setRange(0, 1);
    return c;
  }

  private static Chart toolTurns(JsonNode turns) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    turns.fields().forEachRemaining(e -> d.addValue(e.getValue().asDouble(), "turns", e.getKey()));
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
