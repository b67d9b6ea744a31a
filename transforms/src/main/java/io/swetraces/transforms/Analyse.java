package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.PatchCounting;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Measures each trajectory: the tools it uses ({@link ExtractTools}), its final patch ({@link
 * ParsePatch}) and its token counts ({@link CountTokens}). A trajectory a step fails on is rejected
 * with the {@code analyse} stage and goes no further.
 */
public final class Analyse extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  private final PatchCounting patchCounting;
  private final CountTokens tokens;

  private Analyse(PatchCounting patchCounting, CountTokens tokens) {
    this.patchCounting = patchCounting;
    this.tokens = tokens;
  }

  public static Analyse trajectories() {
    return new Analyse(PatchCounting.HUNK, CountTokens.cl100k());
  }

  /** How patch lines are counted (see {@link PatchCounting}). */
  public Analyse withPatchCounting(PatchCounting patchCounting) {
    return new Analyse(patchCounting, tokens);
  }

  /** How tokens are counted: the student model, shortening and the loss mask (see {@link CountTokens}). */
  public Analyse withTokenCounting(CountTokens tokens) {
    return new Analyse(patchCounting, tokens);
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    WithRejects<Trajectory> tools = trajectories.apply("ExtractTools", ExtractTools.perTrajectory());
    WithRejects<Trajectory> patches =
        tools.output().apply("ParsePatch", ParsePatch.finalPatch().withCounting(patchCounting));
    WithRejects<Trajectory> counted = patches.output().apply("CountTokens", tokens);
    return WithRejects.of(counted.output(),
        PCollectionList.of(tools.rejects()).and(patches.rejects()).and(counted.rejects())
            .apply("AnalyseRejects", Flatten.pCollections()));
  }
}
