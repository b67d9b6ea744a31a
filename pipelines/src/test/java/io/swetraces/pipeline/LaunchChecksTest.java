package io.swetraces.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.swetraces.chat.Reasoning;
import io.swetraces.chat.SftFormat;
import io.swetraces.chat.TrainOn;
import io.swetraces.io.OutputDir;
import io.swetraces.io.OutputLock;
import io.swetraces.transforms.TokenBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a run checks before it starts: options in their bounds and spelled as users type them, and
 * an output directory it can own, write, and clean of nothing but its own files.
 */
public class LaunchChecksTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final String SAMPLE = Runs.SAMPLE.resolve("oswt-sample.jsonl").toString();

  private Path dir(String name) {
    return tmp.getRoot().toPath().resolve(name);
  }

  private static String refusal(Path out, String... args) {
    return assertThrows(IllegalArgumentException.class, () -> Runs.run(SAMPLE, out, args)).getMessage();
  }

  @Test
  public void optionsOutOfBoundsAreRefusedWithTheirName() {
    Path out = dir("out");
    assertThat(refusal(out, "--numShards=100000"), containsString("--numShards"));
    assertThat(refusal(out, "--numShards=1001"), containsString("between 1 and 1000"));
    assertThat(refusal(out, "--numShards=0"), containsString("--numShards"));
    assertThat(refusal(out, "--maxSftTokens=-5"), containsString("--maxSftTokens"));
    assertThat(refusal(out, "--limitPerCombo=-1"), containsString("--limitPerCombo"));
    assertThat(refusal(out, "--maxRowMegabytes=-1"), containsString("--maxRowMegabytes must be"));
    assertThat(refusal(out, "--concurrentReads=-2"), containsString("--concurrentReads"));
    assertFalse("nothing written", Files.exists(out));
  }

  @Test
  public void choicesAreReadInAnyCaseAndListedWhenWrong() {
    SweTracesOptions options = Options.parse("--budgetOn=traj_tokens", "--patchCounting=Tutorial");
    assertEquals(TokenBudget.TRAJ_TOKENS, options.getBudgetOn());
    assertEquals("TUTORIAL", options.getPatchCounting().name());
    IllegalArgumentException wrong =
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--budgetOn=words"));
    assertThat(wrong.getMessage(), containsString("--budgetOn"));
    assertThat(wrong.getMessage(), containsString("TRAJ_TOKENS, SFT_TOKENS"));
    SweTracesOptions training = Options.parse("--trainOn= final", "--reasoning=Mask", "--sftFormat=openai,Sharegpt");
    assertEquals(TrainOn.FINAL, training.getTrainOn());
    assertEquals(Reasoning.MASK, training.getReasoning());
    assertEquals(List.of(SftFormat.OPENAI, SftFormat.SHAREGPT), training.getSftFormat());
    IllegalArgumentException wrongFormat =
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--sftFormat=openai,alpaca"));
    assertThat(wrongFormat.getMessage(), containsString("--sftFormat: 'alpaca' is not one of OPENAI, SHAREGPT, TEXT"));
  }

  @Test
  public void anOutputThatCannotBeADirectoryIsRefusedAtOnce() throws Exception {
    Path file = Files.writeString(dir("plain-file"), "x");
    assertThat(refusal(file), containsString("not a directory"));
    Path locked = Files.createDirectories(dir("read-only"));
    assertTrue(locked.toFile().setWritable(false));
    try {
      if (!Files.isWritable(locked)) { // root may write anywhere
        assertThat(refusal(locked.resolve("out")), containsString("cannot write"));
      }
    } finally {
      locked.toFile().setWritable(true);
    }
    assertThat(refusal(dir("run[1]")), containsString("--output"));
  }

  @Test
  public void overwritingRemovesOnlyWhatARunWrote() throws Exception {
    Path out = dir("out");
    Runs.run(SAMPLE, out, "--sftFormat=openai,sharegpt,text");
    assertTrue(Files.exists(out.resolve(OutputDir.CARD)));
    List<String> foreign = List.of("summary.json.bak", "sft/mine.jsonl", "analysis/notes.csv", "report/extra.html");
    for (String f : foreign) {
      Files.writeString(out.resolve(f), "mine", StandardCharsets.UTF_8);
    }
    String refused = refusal(out, "--overwrite");
    assertThat(refused, containsString("not swe-traces outputs"));
    for (String f : foreign) {
      assertTrue(f + " kept", Files.exists(out.resolve(f)));
    }
    assertTrue(Files.exists(out.resolve(OutputDir.SUMMARY)));
    for (String f : foreign) {
      Files.delete(out.resolve(f));
    }
    Runs.run(SAMPLE, out, "--overwrite", "--numShards=2");
    try (Stream<Path> sft = Files.walk(out.resolve("sft"))) {
      assertEquals(2, sft.filter(Files::isRegularFile).count());
    }
  }

  @Test
  public void anInputInsideTheOutputIsRefusedBeforeAnythingIsDeleted() throws Exception {
    Path out = dir("out");
    Runs.run(SAMPLE, out);
    Path shard = out.resolve("sft/sft-00000-of-00001.jsonl");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Runs.run(shard.toString(), out, "--overwrite"));
    assertThat(refused.getMessage(), containsString("inside --output"));
    assertTrue(Files.exists(shard));
    // An output inside a folder given as input: the folder would read the run's own files.
    Path folder = Files.createDirectories(dir("data"));
    Files.copy(Path.of(SAMPLE), folder.resolve("rows.jsonl"));
    IllegalArgumentException under = assertThrows(IllegalArgumentException.class,
        () -> Runs.run(folder.toString(), folder.resolve("out")));
    assertThat(under.getMessage(), containsString("lies under --input"));
    assertFalse(Files.exists(folder.resolve("out")));
  }

  @Test
  public void anOutputInUseIsRefusedAndAStaleLockTakenOver() throws Exception {
    Path out = Files.createDirectories(dir("out"));
    // A lock held by this very process: a run in progress.
    Files.writeString(out.resolve(OutputLock.FILE), OutputLock.text(ProcessHandle.current().pid()));
    assertThat(refusal(out), containsString("in use"));
    // A lock left by a process that is gone: taken over.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(out.resolve(OutputLock.FILE), OutputLock.text(gone.pid()));
    Runs.run(SAMPLE, out);
    assertTrue(Files.exists(out.resolve(OutputDir.SUMMARY)));
    assertFalse("the lock goes with the run", Files.exists(out.resolve(OutputLock.FILE)));
  }
}
