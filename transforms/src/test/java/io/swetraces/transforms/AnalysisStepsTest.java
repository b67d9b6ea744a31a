package io.swetraces.transforms;

import io.swetraces.model.Message;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.PatchCounting;
import io.swetraces.tokens.PathologicalTextException;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/**
 * ExtractTools, ParsePatch and CountTokens, each alone, on real rows. Tool counts and {@code
 * traj_tokens} are the values the tutorial's own code computes for these rows.
 */
public class AnalysisStepsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private PCollection<Trajectory> rows(int... indexes) {
    Trajectory[] ts = new Trajectory[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      ts[i] = TestData.trajectory(indexes[i]);
    }
    return p.apply(Create.of(java.util.Arrays.asList(ts)));
  }

  @Test
  public void extractToolsCountsEachSource() {
    WithRejects<Trajectory> result = rows(0, 2, 14).apply(ExtractTools.perTrajectory());
    PCollection<Trajectory> out = result.output();
    PAssert.that(result.rejects()).empty();
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(t -> t.getInstanceId() + " " + new java.util.TreeMap<>(t.getToolCounts()))))
        .containsInAnyOrder(
            "6e44b9__sweagenttestrepo-1c2844 {bash=1, edit=1, find_file=1, open=1}",
            "astropy__astropy-12907 {bash_block=20}",
            "ponylang__ponyc-4595 {execute_bash=26, finish=1, str_replace_editor=16, think=2}");
    p.run().waitUntilFinish();
  }

  /**
   * A removed SQL comment ({@code --- the users table}) and an added C increment ({@code
   * +++counter;}) look like file headers to the tutorial's line-prefix rule; the hunk headers say
   * they are lines.
   */
  private static final String PREFIX_LOOKALIKES = String.join("\n",
      "diff --git a/db/schema.sql b/db/schema.sql",
      "--- a/db/schema.sql",
      "+++ b/db/schema.sql",
      "@@ -1,3 +1,3 @@",
      "--- the users table",
      "+-- the accounts table",
      " CREATE TABLE users (",
      "   id INTEGER",
      "diff --git a/src/count.c b/src/count.c",
      "--- a/src/count.c",
      "+++ b/src/count.c",
      "@@ -10,2 +10,3 @@",
      " int next(int counter) {",
      "+++counter;",
      "   return counter;",
      "");

  @Test
  public void parsePatchMeasuresTheFinalPatch() {
    Trajectory lookalikes = TestData.trajectory(0).toBuilder()
        .setInstanceId("prefix-lookalikes").setModelPatch(PREFIX_LOOKALIKES).build();
    PCollection<Trajectory> rows = p.apply(Create.of(
        TestData.trajectory(1), TestData.trajectory(2), TestData.trajectory(4), lookalikes));
    PAssert.that(rows.apply("Hunk", ParsePatch.finalPatch()).output()
            .apply("ShowHunk", MapElements.into(TypeDescriptors.strings()).via(AnalysisStepsTest::patch)))
        .containsInAnyOrder(
            "pydicom__pydicom-1458 1 +3 -2 {py=1}",
            "astropy__astropy-12907 2 +23 -1 {py=2}",
            "astropy__astropy-13236 5 +20 -10 {ecsv=1, fits=1, py=2, toml=1}",
            "prefix-lookalikes 2 +2 -1 {c=1, sql=1}");
    PAssert.that(rows.apply("Tutorial", ParsePatch.finalPatch().withCounting(PatchCounting.TUTORIAL)).output()
            .apply("ShowTutorial", MapElements.into(TypeDescriptors.strings()).via(AnalysisStepsTest::patch)))
        .containsInAnyOrder(
            "pydicom__pydicom-1458 1 +3 -2 {py=1}",
            "astropy__astropy-12907 2 +23 -1 {py=2}",
            "astropy__astropy-13236 5 +20 -10 {ecsv=1, fits=1, py=2, toml=1}",
            "prefix-lookalikes 2 +1 -0 {c=1, sql=1}");
    p.run().waitUntilFinish();
  }

  private static String patch(Trajectory t) {
    var s = t.getPatchStats();
    return t.getInstanceId() + " " + s.getFiles() + " +" + s.getAdded() + " -" + s.getDeleted() + " "
        + new java.util.TreeMap<>(s.getExtensions());
  }

  @Test
  public void countTokensGivesTheTutorialsTrajTokensAndTheSftText() {
    PCollection<Trajectory> out = rows(0, 2, 14).apply(CountTokens.cl100k()).output();
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(t -> t.getInstanceId() + " " + t.getTokenCounts().getTrajTokens() + " "
                + t.getTokenCounts().getSftTokens() + " " + t.getTokenCounts().getAssistantTokens())))
        .containsInAnyOrder(
            "6e44b9__sweagenttestrepo-1c2844 1686 1957 386",
            "astropy__astropy-12907 18335 18950 4780",
            "ponylang__ponyc-4595 27820 29718 2857");
    p.run().waitUntilFinish();
  }

  @Test
  public void textTooLongToCountIsRejectedNotCounted() {
    Trajectory word = withFirstContent(TestData.trajectory(0), "a".repeat(PathologicalTextException.MAX_RUN + 1));
    Trajectory spaces = withFirstContent(TestData.trajectory(2), "x" + " ".repeat(PathologicalTextException.MAX_RUN + 1));
    Trajectory digits = withFirstContent(TestData.trajectory(14), "7".repeat(PathologicalTextException.MAX_RUN * 2));
    WithRejects<Trajectory> counted = p.apply(Create.of(word, spaces, digits)).apply(CountTokens.cl100k());
    PAssert.that(counted.output().apply("Counted", MapElements.into(TypeDescriptors.strings())
            .via(Trajectory::getInstanceId)))
        .containsInAnyOrder("ponylang__ponyc-4595");
    PAssert.that(counted.rejects().apply("Rejected", MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getStage() + " " + r.getReason() + " " + r.getPosition())))
        .containsInAnyOrder("analyse pathological_text 0", "analyse pathological_text 2");
    p.run().waitUntilFinish();
  }

  @Test
  public void aStepThatFailsOnARowRejectsItAndGoesOn() {
    WithRejects<Trajectory> out = rows(0, 2, 14).apply(ParDoFailing.on("astropy__astropy-12907"));
    PAssert.that(out.output().apply("Passed", MapElements.into(TypeDescriptors.strings())
            .via(Trajectory::getInstanceId)))
        .containsInAnyOrder("6e44b9__sweagenttestrepo-1c2844", "ponylang__ponyc-4595");
    PAssert.that(out.rejects().apply("Failed", MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getStage() + " " + r.getReason() + " " + r.getDetail().contains("secret")
                + " " + r.getDetail().startsWith("java.lang.StackOverflowError"))))
        .containsInAnyOrder("analyse step_failed false true");
    p.run().waitUntilFinish();
  }

  /** A measuring step that overflows its stack on one instance, with a message quoting the row. */
  private static final class ParDoFailing extends MeasureFn {
    private final String instance;

    private ParDoFailing(String instance) {
      this.instance = instance;
    }

    static org.apache.beam.sdk.transforms.PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> on(
        String instance) {
      return new org.apache.beam.sdk.transforms.PTransform<>() {
        @Override
        public WithRejects<Trajectory> expand(PCollection<Trajectory> input) {
          return new ParDoFailing(instance).applyTo(input, "Fail");
        }
      };
    }

    @Override
    Trajectory measure(Trajectory t) {
      if (instance.equals(t.getInstanceId())) {
        throw new StackOverflowError("secret row text");
      }
      return t;
    }
  }

  private static Trajectory withFirstContent(Trajectory t, String content) {
    java.util.List<Message> messages = new java.util.ArrayList<>(t.getMessages());
    messages.set(0, Message.of(messages.get(0).getRole(), content));
    return t.toBuilder().setMessages(messages).build();
  }
}
