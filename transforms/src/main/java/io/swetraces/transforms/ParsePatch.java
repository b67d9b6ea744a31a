package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.DiffParser;
import io.swetraces.parse.PatchComparison;
import io.swetraces.parse.PatchCounting;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Measures each trajectory's final patch: files, added and deleted lines, extensions; and, where the
 * row has a reference patch, how the two compare ({@link PatchComparison}).
 */
public final class ParsePatch extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  private final PatchCounting counting;

  private ParsePatch(PatchCounting counting) {
    this.counting = counting;
  }

  /** Hunk-aware counting (see {@link PatchCounting#HUNK}). */
  public static ParsePatch finalPatch() {
    return new ParsePatch(PatchCounting.HUNK);
  }

  public ParsePatch withCounting(PatchCounting counting) {
    return new ParsePatch(counting);
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return new MeasurePatchFn(counting).applyTo(trajectories, "MeasurePatch");
  }

  private static final class MeasurePatchFn extends MeasureFn {
    private final PatchCounting counting;

    MeasurePatchFn(PatchCounting counting) {
      this.counting = counting;
    }

    @Override
    Trajectory measure(Trajectory t) {
      return t.toBuilder()
          .setPatchStats(DiffParser.parse(t.getModelPatch(), counting))
          .setPatchMatch(PatchComparison.compare(t.getModelPatch(), t.getReferencePatch()))
          .build();
    }
  }
}
