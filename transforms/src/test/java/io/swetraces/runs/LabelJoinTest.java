package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.LabelSource;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import java.util.List;
import org.junit.Test;

/** Which evaluation file's verdict and patch a run's trajectory takes. */
public class LabelJoinTest {
  private static final String RUN = "runs/a";

  private static Trajectory trajectory(String patch) {
    return Trajectory.builder().setSource(RUN + "/trajs/i.traj").setPosition(0).setInstanceId("i").setRun(RUN)
        .setMessages(List.of()).setModelPatch(patch).build();
  }

  @Test
  public void thePerInstanceReportOutranksTheRunResultsAndTheConflictIsCounted() {
    LabelJoin.Joined joined = LabelJoin.apply(trajectory("p"), List.of(
        RunLabel.verdict(RUN, "i", LabelSource.RUN_RESULTS, false),
        RunLabel.verdict(RUN, "i", LabelSource.INSTANCE_REPORT, true)));
    assertEquals(1, joined.trajectory().getResolved());
    assertEquals(LabelSource.INSTANCE_REPORT, joined.trajectory().getLabelSource());
    assertTrue(joined.conflict());
  }

  @Test
  public void givenFilesOutrankTheRunFolderAndOtherRunsDoNotApply() {
    LabelJoin.Joined joined = LabelJoin.apply(trajectory("p"), List.of(
        RunLabel.verdict("runs/b", "i", LabelSource.INSTANCE_REPORT, true),
        RunLabel.verdict(RUN, "i", LabelSource.INSTANCE_REPORT, true),
        RunLabel.verdict(RUN, "i", LabelSource.RUN_RESULTS, true).given().given()));
    assertEquals(LabelSource.GIVEN, joined.trajectory().getLabelSource());
    assertFalse(joined.conflict());
  }

  @Test
  public void aTrajectoryWithoutAPatchTakesThePredictionsAndOneWithAPatchKeepsIt() {
    List<RunLabel> labels = List.of(RunLabel.prediction(RUN, "i", "diff"), RunLabel.prediction("runs/b", "i", "other"));
    assertEquals("diff", LabelJoin.apply(trajectory(null), labels).trajectory().getModelPatch());
    assertEquals("", LabelJoin.apply(trajectory(""), labels).trajectory().getModelPatch());
  }

  @Test
  public void noVerdictLeavesTheLabelUnknown() {
    Trajectory t = LabelJoin.apply(trajectory("p"), List.of(RunLabel.prediction(RUN, "i", "d"))).trajectory();
    assertEquals(-1, t.getResolved());
    assertEquals(LabelSource.NONE, t.getLabelSource());
  }
}
