package io.swetraces.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import java.awt.AWTError;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
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

  /** The warm-up render, while it may still run. */
  private static volatile @Nullable Thread warmUp;

  private ReportPage() {}

  /**
   * Renders the report of an empty run on a background thread, so that Java2D and JFreeChart are
   * loaded and initialized (about 0.4 s) while the pipeline runs, not after its last step.
   */
  public static void warmUpInBackground() {
    Thread render = new Thread(ReportPage::renderEmpty, "report-warm-up");
    render.setDaemon(true);
    warmUp = render;
    render.start();
  }

  private static void renderEmpty() {
    try {
      files(Json.MAPPER.createObjectNode());
    } catch (RuntimeException | LinkageError | AWTError e) {
      // Only time is lost: the run's own render meets the same failure and reports it.
    }
  }

  /** Every file of the report, by path relative to the report folder. */
  public static Map<String, byte[]> render(JsonNode summary) {
    // Never two first renders at once: their class initializations could wait on each other.
    Thread render = warmUp;
    if (render != null) {
      try {
        render.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the report renderer warmed up", e);
      }
      warmUp = null;
    }
    return files(summary);
  }

  private static Map<String, byte[]> files(JsonNode summary) {
    System.setProperty("java.awt.headless", "true");
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

  private static String html(JsonNode s, String figures) {
    JsonNode c = s.path("counts");
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>swe-traces report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>swe-traces report</h1>\n");
    h.append("<p class=\"lead\">").append(num(c.path("rows_read"))).append(" rows read from <code>")
        .append(escape(s.path("settings").path("input").asText())).append("</code> on the ")
        .append(escape(s.path("settings").path("runner").asText())).append(": ")
        .append(num(c.path("analysed"))).append(" analysed, ").append(num(c.path("rejected")))
        .append(" rejected, ").append(num(c.path("sft_kept"))).append(" kept for SFT.</p>\n");
    if (c.path("analysed").asLong() == 0) {
      h.append("<p class=\"notice\" id=\"empty\">No trajectory was analysed in this run")
          .append(c.path("rows_read").asLong() == 0 ? ": the input holds no rows." : ": every row was rejected.")
          .append(" The charts below are empty; the rejects and their reasons are listed here.</p>\n");
    }
    JsonNode accuracy = s.path("quantile_accuracy");
    if (!accuracy.path("exact").asBoolean(true)) {
      h.append("<p class=\"notice\" id=\"approximate\">Quantiles, histograms, window fits and clipping points are ")
          .append("approximate: more than ").append(num(accuracy.path("exact_up_to_rows")))
          .append(" rows went into a KLL sketch, whose rank error is at most ")
          .append(String.format(Locale.ROOT, "%.2f%%", accuracy.path("rank_error").asDouble() * 100))
          .append(" (99% confidence). Counts, means and extremes are exact.</p>\n");
    }
    h.append("<section class=\"tables\">\n");
    table(h, "Run", "counts", new String[][] {
        {"rows read", num(c.path("rows_read"))}, {"analysed", num(c.path("analysed"))},
        {"rejected", num(c.path("rejected"))}, {"sampled out", num(c.path("sampled_out"))},
        {"kept for SFT", num(c.path("sft_kept"))},
        {"every row accounted for", c.path("accounted_for").asBoolean() ? "yes" : "NO"}});
    table(h, "Rejected, by reason", "rejects", rows(c.path("rejected_by_reason"), "none"));
    table(h, "Options", "options", rows(s.path("settings"), "none"));
    table(h, "Tokens per trajectory", "token-percentiles", rows(s.path("traj_token_percentiles"), "none"));
    h.append("</section>\n<section class=\"charts\">\n").append(figures).append("</section>\n");
    h.append("<footer>Written by swe-traces from this run's <code>summary.json</code>; every chart is also in ")
        .append("<code>charts/</code> as SVG and PNG.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String[][] rows(JsonNode object, String empty) {
    if (object.isEmpty()) {
      return new String[][] {{empty, ""}};
    }
    String[][] out = new String[object.size()][];
    int i = 0;
    for (var it = object.fields(); it.hasNext(); i++) {
      var e = it.next();
      out[i] = new String[] {e.getKey(), e.getValue().isNumber() ? num(e.getValue()) : e.getValue().asText()};
    }
    return out;
  }

  private static void table(StringBuilder h, String caption, String id, String[][] rows) {
    h.append("<table id=\"").append(id).append("\"><caption>").append(escape(caption)).append("</caption>\n");
    for (String[] r : rows) {
      h.append("<tr><th>").append(escape(r[0])).append("</th><td>").append(escape(r[1])).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String num(JsonNode n) {
    return String.format(Locale.ROOT, "%,d", n.asLong());
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
