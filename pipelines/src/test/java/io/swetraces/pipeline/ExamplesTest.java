package io.swetraces.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.swetraces.stats.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every run writes {@code report/examples.html}: up to three kept trajectories and three dropped for
 * each reason present, chosen the same way however the work is split.
 */
public class ExamplesTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theSampleIsTheSameHoweverTheRunIsSplit() throws Exception {
    String input = Runs.SAMPLE.resolve("oswt-sample.jsonl") + "," + Runs.SAMPLE.resolve("oswt-sample-variants.jsonl");
    RunSummary s = Runs.run(input, tmp.getRoot().toPath().resolve("one"));
    Runs.run(input, tmp.getRoot().toPath().resolve("three"), "--numShards=3", "--concurrentReads=0");
    String one = Files.readString(tmp.getRoot().toPath().resolve("one/report/examples.html"), StandardCharsets.UTF_8);
    String three = Files.readString(tmp.getRoot().toPath().resolve("three/report/examples.html"), StandardCharsets.UTF_8);
    assertEquals(one, three);

    assertEquals(Math.min(3, s.counts().sftKept()), articles(one, "group-kept"));
    s.counts().sftDropped().forEach((reason, n) -> {
      if (n > 0) {
        assertEquals(reason, Math.min(3, n), articles(one, "group-" + reason));
      }
    });
    assertThat(Files.readString(tmp.getRoot().toPath().resolve("one/report/report.html")),
        containsString("<a href=\"examples.html\">"));
  }

  private static long articles(String html, String group) {
    Matcher section = Pattern.compile("<section class=\"group\" id=\"" + group + "\">(.*?)</section>", Pattern.DOTALL)
        .matcher(html);
    return section.find() ? section.group(1).split("<article class=\"example\">", -1).length - 1 : 0;
  }
}
