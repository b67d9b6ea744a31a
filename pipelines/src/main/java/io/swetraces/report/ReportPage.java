package io.swetraces.report;

import io.swetraces.stats.RunSummary;
import io.swetraces.transforms.SftCriteria;
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
    StringBuilder contents = new StringBuilder();
    for (ReportCharts.Chart c : charts) {
      contents.append("<li><a href=\"#chart-").append(c.id()).append("\">").append(escape(c.title()))
          .append("</a></li>\n");
      String svg = svg(c);
      files.put("charts/" + c.id() + ".svg", svg.getBytes(StandardCharsets.UTF_8));
      files.put("charts/" + c.id() + ".png", png(c));
      figures.append("<figure id=\"chart-").append(c.id()).append("\" data-chart=\"").append(c.id()).append("\">\n")
          .append(svg).append('\n');
      if (!c.note().isBlank()) {
        figures.append("<figcaption>").append(escape(c.note())).append("</figcaption>\n");
      }
      figures.append("</figure>\n");
    }
    files.put("report.html", html(summary, contents.toString(), figures.toString()).getBytes(StandardCharsets.UTF_8));
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

  private static String html(RunSummary s, String chartContents, String figures) {
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
    decision(h, s);
    h.append("<nav id=\"contents\"><strong>Contents</strong><ol>\n")
        .append("<li><a href=\"#decision\">The numbers to decide on</a></li>\n")
        .append("<li><a href=\"#tables\">Run, rejects, data integrity, options, tokens</a></li>\n")
        .append("<li><a href=\"examples.html\">Examples: trajectories kept and dropped, as the SFT set holds them")
        .append("</a></li>\n")
        .append("<li>Charts<ol>\n").append(chartContents).append("</ol></li>\n</ol></nav>\n");
    h.append("<section class=\"tables\" id=\"tables\">\n");
    table(h, "Run", "counts", List.of(
        new String[] {"rows read", num(c.rowsRead())}, new String[] {"analysed", num(c.analysed())},
        new String[] {"rejected", num(c.rejected())}, new String[] {"sampled out", num(c.sampledOut())},
        new String[] {"kept for SFT", num(c.sftKept())},
        new String[] {"every row accounted for", c.accountedFor() ? "yes" : "NO"},
        new String[] {"rows with special tokens as text", num(s.specialTokenText().rows()) + " ("
            + num(s.specialTokenText().occurrences()) + " in all)"}));
    table(h, "Rejected, by reason", "rejects", rows(c.rejectedByReason(), ReportPage::num));
    integrity(h, s);
    table(h, "Options", "options", rows(settings.entries(), v -> v));
    table(h, "Tokens per trajectory", "token-percentiles", rows(s.trajTokenPercentiles(), ReportPage::num));
    h.append("</section>\n<section class=\"charts\">\n").append(figures).append("</section>\n");
    h.append("<footer>Written by swe-traces from this run's <code>summary.json</code>; every chart is also in ")
        .append("<code>charts/</code> as SVG and PNG.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * What a person decides on, first: rows in, rejected, analysed, kept, the main reasons for the
   * rest, and how many trajectories fit the usual context windows.
   */
  private static void decision(StringBuilder h, RunSummary s) {
    RunSummary.Counts c = s.counts();
    h.append("<section id=\"decision\" class=\"decision\">\n");
    card(h, "rows read", num(c.rowsRead()), "");
    card(h, "rejected", num(c.rejected()), share(c.rejected(), c.rowsRead()) + " of rows read");
    card(h, "analysed", num(c.analysed()), c.sampledOut() > 0 ? num(c.sampledOut()) + " sampled out" : "");
    card(h, "kept for SFT", num(c.sftKept()), share(c.sftKept(), c.analysed()) + " of analysed");
    List<Map.Entry<String, Long>> reasons = c.sftDropped().entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3)
        .toList();
    StringBuilder dropped = new StringBuilder();
    for (Map.Entry<String, Long> e : reasons) {
      dropped.append(dropped.length() == 0 ? "" : ", ").append(e.getKey().replace('_', ' ')).append(' ')
          .append(num(e.getValue()));
    }
    card(h, "dropped, main reasons", reasons.isEmpty() ? "none" : num(c.analysed() - c.sftKept()), dropped.toString());
    for (RunSummary.WindowFit fit : s.contextWindowFit()) {
      if (fit.window() == 32_768) {
        card(h, "fit in 32k tokens", String.format(Locale.ROOT, "%.0f%%", fit.fraction() * 100),
            "of analysed trajectories (traj_tokens)");
      }
    }
    h.append("</section>\n");
  }

  /**
   * What each integrity stage found (secret values by rule, never a value; benchmark tasks by
   * benchmark; broken tool calls by problem; duplicates) and what it dropped; examples of each drop
   * reason are on the examples page.
   */
  private static void integrity(StringBuilder h, RunSummary s) {
    List<String[]> rows = new ArrayList<>();
    s.integrity().forEach((finding, n) -> rows.add(new String[] {finding.replace(':', ' ').replace('_', ' '), num(n),
        String.join(", ", s.integrityExamples().getOrDefault(finding, List.of()))}));
    for (String reason : INTEGRITY_REASONS) {
      long dropped = s.counts().sftDropped().getOrDefault(reason, 0L);
      if (dropped > 0) {
        rows.add(new String[] {"dropped from SFT: " + reason.replace('_', ' '), num(dropped), ""});
      }
    }
    table(h, "Data integrity: what each stage found, with the first trajectory ids (more on the examples page)",
        "integrity", rows.isEmpty() ? List.<String[]>of(new String[] {"nothing found", ""}) : rows);
  }

  private static void card(StringBuilder h, String label, String value, String note) {
    h.append("<div class=\"card\"><div class=\"value\">").append(escape(value)).append("</div><div class=\"label\">")
        .append(escape(label)).append("</div>");
    if (!note.isEmpty()) {
      h.append("<div class=\"note\">").append(escape(note)).append("</div>");
    }
    h.append("</div>\n");
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
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
      h.append("<tr><th>").append(escape(r[0])).append("</th>");
      for (int i = 1; i < r.length; i++) {
        h.append("<td>").append(escape(r[i])).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The SFT drop reasons of the integrity stages. */
  private static final List<String> INTEGRITY_REASONS =
      SftCriteria.REASONS.stream().filter(r -> !SftCriteria.TUTORIAL_REASONS.contains(r)).toList();

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
      ".decision { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0 1.5rem; }",
      ".card { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }",
      ".card .value { font-size: 1.6rem; font-weight: bold; font-variant-numeric: tabular-nums; }",
      ".card .label { font-size: .85rem; color: #444; } .card .note { font-size: .8rem; color: #777; }",
      "nav#contents { font-size: .9rem; margin-bottom: 1.5rem; } nav#contents ol ol { columns: 3; }",
      ".charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 1rem;",
      "  margin-top: 1.5rem; }",
      "figure { margin: 0; border: 1px solid #ddd; padding: .5rem; break-inside: avoid; }",
      "figure svg { width: 100%; height: auto; display: block; }",
      "figcaption { font-size: .85rem; color: #555; padding: .3rem .2rem 0; }",
      "footer { margin-top: 2rem; font-size: .85rem; color: #555; }",
      "@media (max-width: 900px) { .charts { grid-template-columns: 1fr; } nav#contents ol ol { columns: 1; } }",
      "@media print { body { margin: 0; max-width: none; } .charts { display: block; }",
      "  figure { margin-bottom: 1rem; } }",
      "");
}
