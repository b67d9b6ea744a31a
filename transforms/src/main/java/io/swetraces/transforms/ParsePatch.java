package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.DiffParser;
import io.swetraces.parse.PatchCounting;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Measures each trajectory's final patch: files, added and deleted lines, extensions. */
public final class ParsePatch extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
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
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    PatchCounting mode = counting;
    return trajectories.apply(
        "MeasurePatch",
        MapElements.into(TypeDescriptor.of(Trajectory.class))
            .via(t -> t.toBuilder().setPatchStats(DiffParser.parse(t.getModelPatch(), mode)).build()));
  }
}
