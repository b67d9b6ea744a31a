package io.swetraces.transforms;

import io.swetraces.model.TokenCounts;
import io.swetraces.model.Trajectory;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class FilterSftTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static Trajectory t(String id, int resolved, String lang, long traj, long sft, String patch) {
    return Trajectory.builder().setSource("s").setPosition(0).setInstanceId(id).setResolved(resolved)
        .setLanguage(lang).setMessages(List.of()).setModelPatch(patch)
        .setTokenCounts(TokenCounts.of(traj, sft, 0)).build();
  }

  private static final List<Trajectory> ROWS =
      List.of(
          t("keep", 1, "python", 100, 120, "diff"),
          t("unknown-label", -1, "python", 100, 120, "diff"),
          t("failed", 0, "python", 100, 120, "diff"),
          t("long-text", 1, "python", 90, 200, "diff"),
          t("java", 1, "java", 100, 120, "diff"),
          t("blank-patch", 1, "python", 100, 120, " \n\t"),
          t("no-patch", 1, "python", 100, 120, null));

  @Test
  public void dropsByTheFirstFailingCriterion() {
    Selection r =
        p.apply(Create.of(ROWS))
            .apply(FilterSft.trainingExamples().withCriteria(
                SftCriteria.defaults().withMaxTokens(150).withLanguages(Set.of("python"))));
    PAssert.that(r.kept().apply("KeptIds", MapElements.into(TypeDescriptors.strings()).via(Trajectory::getInstanceId)))
        .containsInAnyOrder("keep");
    PAssert.that(r.dropped().apply("DropReasons", MapElements.into(TypeDescriptors.strings())
            .via(t -> t.getInstanceId() + ":" + t.getSftDropReason())))
        .containsInAnyOrder(
            "unknown-label:unresolved", "failed:unresolved", "long-text:over_token_budget",
            "java:language_not_selected", "blank-patch:empty_patch", "no-patch:empty_patch");
    PAssert.that(r.rejects()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  public void budgetOnTrajTokensAndAnyLabel() {
    Selection r =
        p.apply(Create.of(ROWS))
            .apply(FilterSft.trainingExamples().withCriteria(SftCriteria.defaults()
                .withMaxTokens(150).withBudgetOn(TokenBudget.TRAJ_TOKENS).withRequireResolved(false)));
    PAssert.that(r.kept().apply(MapElements.into(TypeDescriptors.strings()).via(Trajectory::getInstanceId)))
        .containsInAnyOrder("keep", "unknown-label", "failed", "long-text", "java");
    p.run().waitUntilFinish();
  }

  /** A trajectory that was never measured (no token counts) cannot be judged: a reject, not a crash. */
  @Test
  public void aTrajectoryItCannotJudgeIsRejected() {
    Selection r = p.apply(Create.of(ROWS.get(0), TestData.trajectory(2))).apply(FilterSft.trainingExamples());
    PAssert.that(r.kept().apply("KeptIds", MapElements.into(TypeDescriptors.strings()).via(Trajectory::getInstanceId)))
        .containsInAnyOrder("keep");
    PAssert.that(r.rejects().apply("Rejected", MapElements.into(TypeDescriptors.strings())
            .via(x -> x.getStage() + " " + x.getReason() + " " + x.getPosition())))
        .containsInAnyOrder("curate step_failed 2");
    p.run().waitUntilFinish();
  }
}
