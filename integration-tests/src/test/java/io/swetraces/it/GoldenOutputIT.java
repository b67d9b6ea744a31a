package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import io.swetraces.pipeline.SweTracesOptions;
import io.swetraces.pipeline.SweTracesPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a run writes on real data, held to committed goldens: analysis rows (CSV in full, Parquet
 * by hash), every SFT record by hash, rejects and {@code summary.json}. A change to any output
 * byte fails here, so a refactoring proves it changed none, and a deliberate change shows up as a
 * golden diff in review. {@code -Dswetraces.golden.update=true} rewrites the goldens.
 */
public class GoldenOutputIT {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path OSWT =
      Path.of(System.getProperty("swetraces.oswt.dir", "../../shared/data/oswt"));
  private static final boolean UPDATE = Boolean.getBoolean("swetraces.golden.update");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void bundledSample() throws Exception {
    check("sample", TestInputs.SAMPLE, "--input=" + formats(TestInputs.SAMPLE));
  }

  @Test
  public void bundledSampleWithBadInput() throws Exception {
    Path input = TestInputs.mixed(tmp.getRoot().toPath().resolve("input"));
    check("sample-bad-input", input, "--input=" + input + "/", "--numShards=2");
  }

  @Test
  public void bundledSampleFirstRowsPerPair() throws Exception {
    check("sample-limit", TestInputs.SAMPLE, "--input=" + formats(TestInputs.SAMPLE), "--limitPerCombo=2");
  }

  @Test
  public void devSet() throws Exception {
    check("oswt", oswt(), "--input=" + formats(oswt()));
  }

  @Test
  public void devSetFirstRowsPerPairAsTheTutorialCounts() throws Exception {
    check("oswt-limit-tutorial", oswt(), "--input=" + formats(oswt()), "--limitPerCombo=20", "--preset=TUTORIAL");
  }

  private static Path oswt() {
    assumeTrue("the Open-SWE-Traces-schema dev data is not at " + OSWT.toAbsolutePath()
        + " (set -Dswetraces.oswt.dir)", Files.isDirectory(OSWT));
    return OSWT;
  }

  /** Every trajectory file of a folder, in each format. */
  private static String formats(Path dir) {
    return dir + "/*.jsonl," + dir + "/*.parquet";
  }

  private void check(String name, Path input, String... args) throws Exception {
    Path out = tmp.getRoot().toPath().resolve(name);
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output=" + out);
    all.add("--runner=DirectRunner");
    SweTracesOptions options =
        PipelineOptionsFactory.fromArgs(all.toArray(new String[0])).withValidation().as(SweTracesOptions.class);
    assertEquals(PipelineResult.State.DONE, SweTracesPipeline.run(options).waitUntilFinish());
    Golden actual = Golden.of(RunOutput.read(out), input.toAbsolutePath().normalize() + "/");
    Path dir = GOLDEN.resolve(name);
    if (UPDATE) {
      actual.write(dir);
    }
    Golden expected = Golden.read(dir);
    for (String file : Golden.FILES) {
      assertEquals(name + ": " + file, expected.files().get(file), actual.files().get(file));
    }
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
