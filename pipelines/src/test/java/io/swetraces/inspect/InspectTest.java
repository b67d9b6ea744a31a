package io.swetraces.inspect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The anatomy of one sample record, read from each input format the pipeline reads. */
public class InspectTest {
  private static final Path SAMPLE = Path.of("..", "src", "sample");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static String inspect(boolean expectFound, String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InspectOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(InspectOptions.class);
    boolean found = Inspect.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out, found == expectFound);
    return out;
  }

  private static void assertAnatomyOfAstropy(String out) {
    assertThat(out, containsString("instance_id       : astropy__astropy-12907"));
    assertThat(out, containsString("repo / language   : astropy/astropy / python"));
    assertThat(out, containsString("agent / model     : minisweagent / gemini_3_pro"));
    assertThat(out, containsString("Trajectory has 42 messages. Role histogram: {system=1, user=21, assistant=20}"));
    assertThat(out, containsString("--- Walkthrough: 8 of 42 messages"));
    assertThat(out, containsString("[0] SYSTEM"));
    assertThat(out, containsString("… (+34 more messages)"));
    assertThat(out, containsString("bash_block"));
    assertThat(out, containsString("--- Final patch: first 25 of"));
    assertThat(out, containsString("diff --git a/astropy/modeling/separable.py"));
  }

  @Test
  public void anAgentRunFolderByInstance() throws Exception {
    assertAnatomyOfAstropy(inspect(true, "--input=" + SAMPLE.resolve("runs"), "--instance=astropy__astropy-12907"));
  }

  @Test
  public void jsonLinesByRow() throws Exception {
    assertAnatomyOfAstropy(inspect(true, "--input=" + SAMPLE.resolve("oswt-sample.jsonl"), "--row=2"));
  }

  @Test
  public void schemaVariantsByInstance() throws Exception {
    assertAnatomyOfAstropy(inspect(true, "--input=" + SAMPLE.resolve("oswt-sample-variants.jsonl"),
        "--instance=astropy__astropy-12907"));
  }

  @Test
  public void parquetByInstance() throws Exception {
    assertAnatomyOfAstropy(inspect(true, "--input=" + SAMPLE.resolve("oswt-sample-00000-of-00001.parquet"),
        "--instance=astropy__astropy-12907"));
  }

  @Test
  public void jsonArray() throws Exception {
    Path json = tmp.getRoot().toPath().resolve("rows.json");
    String row = Files.readAllLines(SAMPLE.resolve("oswt-sample.jsonl"), StandardCharsets.UTF_8).get(2);
    Files.writeString(json, "[" + row + "]");
    assertAnatomyOfAstropy(inspect(true, "--input=" + json));
  }

  @Test
  public void saysWhatIsMissing() throws Exception {
    String out = inspect(false, "--input=" + SAMPLE.resolve("oswt-sample.jsonl"), "--row=99");
    assertThat(out, containsString("No row 99: the input holds 17 rows."));
    out = inspect(false, "--input=" + SAMPLE.resolve("oswt-sample.jsonl"), "--instance=nope");
    assertFalse(out.isBlank());
  }

  @Test
  public void badRowsSayWhy() throws Exception {
    Path bad = tmp.getRoot().toPath().resolve("bad.jsonl");
    Files.writeString(bad, "{\"messages\": [\n");
    assertThat(inspect(false, "--input=" + bad), containsString("row 0 is rejected by the pipeline"));
  }
}
