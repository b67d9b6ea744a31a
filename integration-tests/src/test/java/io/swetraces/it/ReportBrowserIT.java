package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import io.swetraces.pipeline.SweTracesOptions;
import io.swetraces.pipeline.SweTracesPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The report opened from a file URL in headless Chromium: no console error, no request beyond the
 * file itself, every chart drawn and non-empty, and the figures equal to {@code summary.json}. A
 * screenshot of each page is kept in {@code target/}.
 */
public class ReportBrowserIT {
  private static final List<String> CHARTS =
      List.of("sft-funnel", "trajectories-per-language", "resolution-by-language", "resolution-by-agent-model",
          "messages-per-trajectory", "patch-churn", "length-vs-tokens", "token-lengths", "context-window-fit",
          "top-tools", "tool-turns-by-outcome", "sft-by-language");
  private static final String CHART_FACTS = "JSON.stringify([...document.querySelectorAll('figure[data-chart]')]"
      + ".map(f => { const s = f.querySelector('svg'); const r = s ? s.getBoundingClientRect() : null;"
      + " return {id: f.dataset.chart, width: r ? r.width : 0, height: r ? r.height : 0,"
      + " shapes: s ? s.querySelectorAll('path, rect, line, circle, text').length : 0,"
      + " text: s ? s.textContent : ''}; }))";

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private JsonNode run(String input, Path out) throws Exception {
    // Contamination only flagged, so the sample (mostly benchmark tasks) keeps examples to show.
    SweTracesOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + out,
        "--runner=DirectRunner", "--decontaminate=FLAG").withValidation().as(SweTracesOptions.class);
    assertEquals(PipelineResult.State.DONE, SweTracesPipeline.run(options).waitUntilFinish());
    return Json.MAPPER.readTree(out.resolve("summary.json").toFile());
  }

  private static String text(Chromium browser, String selector) throws Exception {
    return browser.evaluate("document.querySelector('" + selector + "').textContent").asText();
  }

  /** Loads a page of the report: no console error, no request but the page itself; a screenshot kept. */
  private static void open(Chromium browser, Path page, String screenshot) throws Exception {
    int before = browser.events.size();
    String url = page.toUri().toString();
    browser.open(url);
    Thread.sleep(300);
    Files.write(Path.of("target", screenshot), browser.screenshot());
    List<String> problems = new ArrayList<>();
    for (JsonNode e : browser.events.subList(before, browser.events.size())) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      if (method.equals("Network.requestWillBeSent") && !p.path("request").path("url").asText().equals(url)) {
        problems.add("request " + p.path("request").path("url").asText());
      } else if (method.equals("Runtime.exceptionThrown")) {
        problems.add("exception " + p.path("exceptionDetails"));
      } else if (method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(p.path("type").asText())) {
        problems.add("console " + p.path("args"));
      } else if (method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
        problems.add("log " + p.path("entry").path("text").asText());
      }
    }
    assertEquals("console errors or network requests", List.of(), problems);
  }

  /** Loads the report and checks what every report must satisfy; returns the charts' facts. */
  private JsonNode load(Chromium browser, Path report, String screenshot) throws Exception {
    open(browser, report, screenshot);
    JsonNode charts = Json.MAPPER.readTree(browser.evaluate(CHART_FACTS).asText());
    List<String> ids = new ArrayList<>();
    for (JsonNode c : charts) {
      ids.add(c.path("id").asText());
      assertTrue(c + " is drawn", c.path("width").asDouble() > 300 && c.path("height").asDouble() > 150);
      assertTrue(c.path("id") + " has content", c.path("shapes").asInt() > 20);
    }
    assertEquals(CHARTS, ids);
    return charts;
  }

  private static String chartText(JsonNode charts, String id) {
    for (JsonNode c : charts) {
      if (c.path("id").asText().equals(id)) {
        return c.path("text").asText();
      }
    }
    throw new AssertionError("no chart " + id);
  }

  @Test
  public void reportOfTheSampleAndOfAnEmptyRun() throws Exception {
    Path root = tmp.getRoot().toPath();
    JsonNode summary = run(TestInputs.SAMPLE.resolve("oswt-sample.jsonl").toString(), root.resolve("sample"));
    Path empty = Files.write(root.resolve("empty.jsonl"), new byte[0]);
    JsonNode emptySummary = run(empty.toString(), root.resolve("empty"));

    try (Chromium browser = Chromium.start(root.resolve("profile"))) {
      JsonNode charts = load(browser, root.resolve("sample/report/report.html"), "report-sample.png");
      JsonNode counts = summary.path("counts");
      String table = text(browser, "#counts");
      for (String figure : List.of("rows_read", "analysed", "rejected", "sft_kept")) {
        assertTrue(figure + " in " + table, table.contains(String.format(Locale.ROOT, "%,d", counts.path(figure).asLong())));
      }
      assertEquals("17", String.valueOf(counts.path("rows_read").asLong()));
      assertTrue(text(browser, "#token-percentiles").contains(
          String.format(Locale.ROOT, "%,d", summary.path("traj_token_percentiles").path("p50").asLong())));
      // Top tool names and languages are drawn as axis labels.
      assertTrue(chartText(charts, "top-tools").contains(summary.path("top_tools").get(0).path("tool").asText()));
      assertTrue(chartText(charts, "trajectories-per-language").contains("python"));
      assertTrue(chartText(charts, "token-lengths").contains("8k ctx"));
      assertEquals(0, browser.evaluate("document.querySelectorAll('#empty').length").asInt());
      // On a laptop's screen the numbers to decide on come first, and the charts two or three a row.
      browser.viewport(1366, 768);
      assertTrue("the decision numbers are on the first screen",
          browser.evaluate("document.querySelector('#decision').getBoundingClientRect().bottom <= innerHeight").asBoolean());
      String decision = text(browser, "#decision");
      for (String figure : List.of("rows_read", "rejected", "analysed", "sft_kept")) {
        assertTrue(figure + " in " + decision,
            decision.contains(String.format(Locale.ROOT, "%,d", counts.path(figure).asLong())));
      }
      int perRow = browser.evaluate("(() => { const f = [...document.querySelectorAll('figure')];"
          + " return f.filter(x => x.offsetTop === f[0].offsetTop).length; })()").asInt();
      assertTrue("charts in the first row: " + perRow, perRow >= 2);
      assertEquals(CHARTS.size(), browser.evaluate("document.querySelectorAll('#contents a[href^=\"#chart-\"]').length").asInt());

      // The examples: one page, offline, a section per group the run has.
      open(browser, root.resolve("sample/report/examples.html"), "examples-sample.png");
      assertTrue(browser.evaluate("document.querySelectorAll('#group-kept article').length").asInt() > 0);
      summary.path("counts").path("sft_dropped").fields().forEachRemaining(e -> {
        if (e.getValue().asLong() > 0) {
          try {
            assertTrue(e.getKey(), browser.evaluate(
                "document.querySelectorAll('#group-" + e.getKey() + " article').length").asInt() > 0);
          } catch (Exception ex) {
            throw new AssertionError(ex);
          }
        }
      });

      load(browser, root.resolve("empty/report/report.html"), "report-empty.png");
      assertEquals(0, emptySummary.path("counts").path("analysed").asLong());
      assertTrue(text(browser, "#empty").contains("No trajectory was analysed"));
      assertTrue(text(browser, "#rejects").contains("empty_file"));
    }
  }
}
