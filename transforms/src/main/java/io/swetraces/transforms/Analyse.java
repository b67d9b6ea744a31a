package io.swetraces.transforms;

import io.swetraces.chat.StudentModel;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.PatchCounting;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Measures each trajectory: the tools it uses ({@link ExtractTools}), its final patch ({@link
 * ParsePatch}) and its token counts ({@link CountTokens}). A trajectory a step fails on is rejected
 * with the {@code analyse} stage and goes no further.
 */
public final class Analyse extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  private final PatchCounting patchCounting;
  private final @Nullable StudentModel student;
  private final long shortenTo;

  private Analyse(PatchCounting patchCounting, @Nullable StudentModel student, long shortenTo) {
    this.patchCounting = patchCounting;
    this.student = student;
    this.shortenTo = shortenTo;
  }

  public static Analyse trajectories() {
    return new Analyse(PatchCounting.HUNK, null, 0);
  }

  /** How patch lines are counted (see {@link PatchCounting}). */
  public Analyse withPatchCounting(PatchCounting patchCounting) {
    return new Analyse(patchCounting, student, shortenTo);
  }

  /** SFT tokens counted as this model sees its training text (see {@link CountTokens#withStudent}). */
  public Analyse withStudent(@Nullable StudentModel student) {
    return new Analyse(patchCounting, student, shortenTo);
  }

  /** Tool outputs cut to fit this budget (see {@link CountTokens#withShorteningTo}); 0: none. */
  public Analyse withShorteningTo(long budget) {
    return new Analyse(patchCounting, student, budget);
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    WithRejects<Trajectory> tools = trajectories.apply("ExtractTools", ExtractTools.perTrajectory());
    WithRejects<Trajectory> patches =
        tools.output().apply("ParsePatch", ParsePatch.finalPatch().withCounting(patchCounting));
    WithRejects<Trajectory> tokens = patches.output().apply("CountTokens", CountTokens.cl100k().withStudent(student).withShorteningTo(shortenTo));
    return WithRejects.of(tokens.output(),
        PCollectionList.of(tools.rejects()).and(patches.rejects()).and(tokens.rejects())
            .apply("AnalyseRejects", Flatten.pCollections()));
  }
}
