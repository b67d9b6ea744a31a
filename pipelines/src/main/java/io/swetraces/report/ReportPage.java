package io.swetraces.report;

import io.swetraces.stats.RunSummary;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report of one run: a single offline HTML page (inline CSS and SVG, no script, nothing
 * fetched) with every chart and the run's figures, plus each chart as SVG and PNG for slides.
 */
public final class ReportPage {
  static final int WIDTH = 720;
  static final int HEIGHT = 400;

  private ReportPage() {}

  /**
   * Every file of the report, by path relative to the report folder. Renders one at a time: two
   * first renders at once (a warm-up and the run's own) could wait on each other's class
   * initialization in Java2D.
   */
  public static synchronized Map<String, byte[]> render(RunSummary summary) {
    List<ReportCharts.Chart> charts = ReportCharts.all(summary);
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringBuilder figures = new StringBuilder();
    for (ReportCharts.Chart c : charts) {
      String svg = svg(c);
      files.put("charts/" + c.id() + ".svg", svg.getBytes(StandardCharsets.UTF_8));
      files.put("charts/" + c.id() + ".png", png(c));
      figures.append("<figure data-chart=\"").append(c.id()).append("\">\n").append(svg).append('\n');
      if (!c.note().isBlank()) {
        figures.append("<figcaption>").append(escape(c.note())).append("</figcaption>\n");
      }
      figures.append("</figure>\n");
    }
    files.put("report.html", html(summary, figures.toString()).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static String svg(ReportCharts.Chart c) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    // Clip-path and other ids must not collide between the charts inlined in one page.
    g.setDefsKeyPrefix(c.id() + "-");
    c.chart().draw(g, new Rectangle(WIDTH, HEIGHT));
    return g.getSVGElement(c.id() + "-svg", true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  private static byte[] png(ReportCharts.Chart c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, c.chart(), WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String html(RunSummary s, String figures) {
    RunSummary.Counts c = s.counts();
    RunSummary.Settings settings = s.settings();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>swe-traces report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>swe-traces report</h1>\n");
    h.append("<p class=\"lead\">").append(num(c.rowsRead())).append(" rows read from <code>")
        .append(escape(settings.input() != null ? settings.input() : String.valueOf(settings.dataset())))
        .append("</code> on the ").append(escape(settings.runner())).append(": ")
        .append(num(c.analysed())).append(" analysed, ").append(num(c.rejected()))
        .append(" rejected, ").append(num(c.sftKept())).append(" kept for SFT.</p>\n");
    if (c.analysed() == 0) {
      h.append("<p class=\"notice\" id=\"empty\">No trajectory was analysed in this run")
          .append(c.rowsRead() == 0 ? ": the input holds no rows." : ": every row was rejected.")
          .append(" The charts below are empty; the rejects and their reasons are listed here.</p>\n");
    }
    RunSummary.QuantileAccuracy accuracy = s.quantileAccuracy();
    if (!accuracy.exact()) {
      h.append("<p class=\"notice\" id=\"approximate\">Quantiles, histograms, window fits and clipping points are ")
          .append("approximate: more than ").append(num(accuracy.exactUpToRows()))
          .append(" rows went into a KLL sketch, whose rank error is at most ")
          .append(String.format(Locale.ROOT, "%.2f%%", accuracy.rankError() * 100))
          .append(" (99% confidence). Counts, means and extremes are exact.</p>\n");
    }
    h.append("<section class=\"tables\">\n");
    table(h, "Run", "counts", List.of(
        new String[] {"rows read", num(c.rowsRead())}, new String[] {"analysed", num(c.analysed())},
        new String[] {"rejected", num(c.rejected())}, new String[] {"sampled out", num(c.sampledOut())},
        new String[] {"kept for SFT", num(c.sftKept())},
        new String[] {"every row accounted for", c.accountedFor() ? "yes" : "NO"},
        new String[] {"rows with special tokens as text", num(s.specialTokenText().rows()) + " ("
            + num(s.specialTokenText().occurrences()) + " in all)"}));
    table(h, "Rejected, by reason", "rejects", rows(c.rejectedByReason(), ReportPage::num));
    table(h, "Options", "options", rows(settings.entries(), v -> v));
    table(h, "Tokens per trajectory", "token-percentiles", rows(s.trajTokenPercentiles(), ReportPage::num));
    h.append("</section>\n<section class=\"charts\">\n").append(figures).append("</section>\n");
    h.append("<footer>Written by swe-traces from this run's <code>summary.json</code>; every chart is also in ")
        .append("<code>charts/</code> as SVG and PNG.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static <V> List<String[]> rows(Map<String, V> values, Function<V, String> shown) {
    if (values.isEmpty()) {
      return List.<String[]>of(new String[] {"none", ""});
    }
    List<String[]> out = new ArrayList<>();
    values.forEach((k, v) -> out.add(new String[] {k, shown.apply(v)}));
    return out;
  }

  private static void table(StringBuilder h, String caption, String id, List<String[]> rows) {
    h.append("<table id=\"").append(id).append("\"><caption>").append(escape(caption)).append("</caption>\n");
    for (String[] r : rows) {
      h.append("<tr><th>").append(escape(r[0])).append("</th><td>").append(escape(r[1])).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static final String CSS = String.join("\n",
      "body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1520px; padding: 0 1rem;",
      "  color: #222; }",
      "h1 { margin-bottom: .2rem; }",
      ".lead { font-size: 1.1rem; }",
      ".notice { background: #fff4e5; border-left: 4px solid #ff7f0e; padding: .6rem 1rem; }",
      ".tables { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }",
      "table { border-collapse: collapse; font-size: .9rem; }",
      "caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }",
      "th, td { text-align: left; padding: .15rem .8rem .15rem 0; border-bottom: 1px solid #eee;",
      "  vertical-align: top; }",
      "td { font-variant-numeric: tabular-nums; max-width: 40rem; overflow-wrap: anywhere; }",
      ".charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(720px, 1fr)); gap: 1rem;",
      "  margin-top: 1.5rem; }",
      "figure { margin: 0; border: 1px solid #ddd; padding: .5rem; break-inside: avoid; }",
      "figure svg { width: 100%; height: auto; display: block; }",
      "figcaption { font-size: .85rem; color: #555; padding: .3rem .2rem 0; }",
      "footer { margin-top: 2rem; font-size: .85rem; color: #555; }",
      "@media print { body { margin: 0; max-width: none; } .charts { display: block; }",
      "  figure { margin-bottom: 1rem; } }",
      "");
}
