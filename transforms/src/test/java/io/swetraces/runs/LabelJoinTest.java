package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.LabelSource;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import java.util.List;
import org.junit.Test;

/** Which evaluation file's verdict and patch each run's trajectory of an instance takes. */
public class LabelJoinTest {
  private static Trajectory trajectory(String run, String patch) {
    return Trajectory.builder().setSource(run + "/trajs/i.traj").setPosition(0).setInstanceId("i").setRun(run)
        .setMessages(List.of()).setModelPatch(patch).build();
  }

  private static LabelJoin.Joined one(Trajectory t, RunLabel... labels) {
    return LabelJoin.apply(List.of(t), List.of(labels)).get(0);
  }

  @Test
  public void thePerInstanceReportOutranksTheRunResultsAndTheConflictIsCounted() {
    LabelJoin.Joined joined = one(trajectory("runs/a", "p"),
        RunLabel.verdict("runs/a", "i", LabelSource.RUN_RESULTS, false),
        RunLabel.verdict("runs/a", "i", LabelSource.INSTANCE_REPORT, true));
    assertEquals(1, joined.trajectory().getResolved());
    assertEquals(LabelSource.INSTANCE_REPORT, joined.trajectory().getLabelSource());
    assertTrue(joined.conflict());
  }

  @Test
  public void filesFoundBesideTrajectoriesApplyToTheirOwnRunOnly() {
    List<LabelJoin.Joined> joined = LabelJoin.apply(
        List.of(trajectory("runs/a", "p"), trajectory("runs/b", "p")),
        List.of(RunLabel.verdict("runs/a", "i", LabelSource.INSTANCE_REPORT, true)));
    assertEquals(1, joined.get(0).trajectory().getResolved());
    assertEquals(-1, joined.get(1).trajectory().getResolved());
    assertEquals(LabelSource.NONE, joined.get(1).trajectory().getLabelSource());
  }

  @Test
  public void givenFilesApplyToTheRunNamedLikeTheirFolderAndOutrankTheRunsOwn() {
    List<LabelJoin.Joined> joined = LabelJoin.apply(
        List.of(trajectory("runs/a", "p"), trajectory("runs/b", "p")),
        List.of(RunLabel.verdict("evals/a", "i", LabelSource.RUN_RESULTS, false).given(),
            RunLabel.verdict("evals/b", "i", LabelSource.RUN_RESULTS, true).given(),
            RunLabel.verdict("runs/a", "i", LabelSource.INSTANCE_REPORT, true)));
    assertEquals(0, joined.get(0).trajectory().getResolved());
    assertEquals(LabelSource.GIVEN, joined.get(0).trajectory().getLabelSource());
    assertTrue("the run's own report disagrees", joined.get(0).conflict());
    assertEquals(1, joined.get(1).trajectory().getResolved());
    assertFalse(joined.get(1).conflict());
  }

  @Test
  public void givenFilesInAFolderNamedLikeNoRunApplyToEveryRun() {
    List<LabelJoin.Joined> joined = LabelJoin.apply(
        List.of(trajectory("runs/a", "p"), trajectory("runs/b", "p")),
        List.of(RunLabel.verdict("evals", "i", LabelSource.RUN_RESULTS, true).given()));
    assertEquals(1, joined.get(0).trajectory().getResolved());
    assertEquals(1, joined.get(1).trajectory().getResolved());
  }

  @Test
  public void aTrajectoryWithoutAPatchTakesItsRunsPredictionAndOneWithAPatchKeepsIt() {
    RunLabel[] labels = {RunLabel.prediction("runs/b", "i", "other"), RunLabel.prediction("runs/a", "i", "diff")};
    assertEquals("diff", one(trajectory("runs/a", null), labels).trajectory().getModelPatch());
    assertEquals("", one(trajectory("runs/a", ""), labels).trajectory().getModelPatch());
    Trajectory unlabelled = one(trajectory("runs/a", null), labels).trajectory();
    assertEquals(-1, unlabelled.getResolved());
    assertEquals(LabelSource.NONE, unlabelled.getLabelSource());
  }
}
