package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.PatchCounting;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Measures each trajectory: the tools it uses ({@link ExtractTools}), its final patch ({@link
 * ParsePatch}) and its token counts ({@link CountTokens}).
 */
public final class Analyse extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private final PatchCounting patchCounting;

  private Analyse(PatchCounting patchCounting) {
    this.patchCounting = patchCounting;
  }

  public static Analyse trajectories() {
    return new Analyse(PatchCounting.HUNK);
  }

  /** How patch lines are counted (see {@link PatchCounting}). */
  public Analyse withPatchCounting(PatchCounting patchCounting) {
    return new Analyse(patchCounting);
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return trajectories
        .apply("ExtractTools", ExtractTools.perTrajectory())
        .apply("ParsePatch", ParsePatch.finalPatch().withCounting(patchCounting))
        .apply("CountTokens", CountTokens.cl100k());
  }
}
