package io.swetraces.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.swetraces.stats.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.Test;

/** The report drawn from a small summary whose every figure is worked out by hand. */
public class ReportPageTest {
  /** A summary whose every figure is worked out by hand. */
  static RunSummary fixture() throws IOException {
    try (InputStream in = ReportPageTest.class.getResourceAsStream("/report-summary.json")) {
      return RunSummary.fromJson(in);
    }
  }

  private static ReportCharts.Chart chart(List<ReportCharts.Chart> charts, String id) {
    return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static CategoryDataset bars(List<ReportCharts.Chart> charts, String id) {
    return chart(charts, id).chart().getCategoryPlot().getDataset();
  }

  @Test
  public void chartsHoldTheFiguresOfTheSummary() throws Exception {
    List<ReportCharts.Chart> charts = ReportCharts.all(fixture());
    CategoryDataset funnel = bars(charts, "sft-funnel");
    assertEquals(List.of("rows read", "rejected (unreadable)", "sampled out (limitPerCombo)", "analysed",
        "dropped: unresolved", "dropped: over token budget", "kept for SFT"), funnel.getColumnKeys());
    assertEquals(List.of(6, 2, 0, 4, 2, 1, 1),
        funnel.getColumnKeys().stream().map(k -> funnel.getValue("count", (Comparable<?>) k).intValue()).toList());
    assertEquals(0.5, bars(charts, "resolution-by-agent-model").getValue("m1", "openhands").doubleValue(), 0);
    assertEquals(0.75, bars(charts, "context-window-fit").getValue("fits", "8,192").doubleValue(), 0);
    assertEquals(7, bars(charts, "top-tools").getValue("count", "bash").intValue());
    assertEquals(3.5, bars(charts, "tool-turns-by-outcome").getValue("turns", "unresolved").doubleValue(), 0);

    IntervalXYDataset churn = (IntervalXYDataset) chart(charts, "patch-churn").chart().getXYPlot().getDataset();
    assertEquals(2, churn.getItemCount(0));
    assertEquals(20.75, churn.getStartXValue(0, 1), 0);
    assertEquals(40.5, churn.getEndXValue(0, 1), 0);
    assertEquals(2, churn.getYValue(0, 1), 0);
    assertThat(chart(charts, "patch-churn").note(), containsString("above p97 (40.5)"));

    XYDataset scatter = chart(charts, "length-vs-tokens").chart().getXYPlot().getDataset();
    assertEquals(1, scatter.getItemCount(0));
    assertEquals(2, scatter.getItemCount(1));
    assertEquals(9000, scatter.getYValue(1, 1), 0);
    // Only the 8k window falls below p99 (9,000 tokens).
    assertEquals(1, chart(charts, "token-lengths").chart().getXYPlot().getDomainMarkers(
        org.jfree.chart.ui.Layer.FOREGROUND).size());
  }

  @Test
  public void theReportIsOneOfflinePageWithEveryChartAlsoAsSvgAndPng() throws Exception {
    RunSummary summary = fixture();
    Map<String, byte[]> files = ReportPage.render(summary);
    assertEquals(25, files.size());
    for (ReportCharts.Chart c : ReportCharts.all(summary)) {
      assertTrue(new String(files.get("charts/" + c.id() + ".svg"), StandardCharsets.UTF_8).startsWith("<svg"));
      byte[] png = files.get("charts/" + c.id() + ".png");
      assertEquals((byte) 0x89, png[0]);
      assertEquals('P', png[1]);
    }
    String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
    assertThat(html, containsString("6 rows read from <code>in/&lt;a&amp;b&gt;.jsonl</code>"));
    assertThat(html, containsString("<th>malformed_json</th><td>1</td>"));
    assertThat(html, containsString("<th>rows with special tokens as text</th><td>2 (5 in all)</td>"));
    // The numbers to decide on first: 6 rows read, 2 rejected, 4 analysed, 1 kept, the drop reasons.
    int decision = html.indexOf("<section id=\"decision\"");
    assertThat(html.substring(decision, html.indexOf("</section>", decision)), containsString(
        "<div class=\"value\">1</div><div class=\"label\">kept for SFT</div><div class=\"note\">25.0% of analysed</div>"));
    assertThat(html, containsString("<div class=\"note\">unresolved 2, over token budget 1</div>"));
    assertThat(html, containsString("<a href=\"#chart-top-tools\">"));
    assertThat(html, containsString("rank error is at most 0.68%"));
    assertThat(html, not(containsString("<script")));
    assertThat(html, not(containsString("<link")));
    // No address outside XML namespace names: nothing can be fetched.
    Matcher urls = Pattern.compile("(https?:)?//[a-zA-Z0-9.-]+")
        .matcher(html.replaceAll("xmlns(:\\w+)?=['\"][^'\"]*['\"]", ""));
    assertTrue(urls.find() ? "address in page: " + urls.group() : "", !urls.find(0));
    assertEquals(12, html.split("<figure id=\"chart-").length - 1);
  }
}
