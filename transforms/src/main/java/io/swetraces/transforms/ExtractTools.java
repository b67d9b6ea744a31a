package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.ToolExtractor;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Counts the tools each trajectory uses (see {@link ToolExtractor} for the five sources). */
public final class ExtractTools extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private ExtractTools() {}

  public static ExtractTools perTrajectory() {
    return new ExtractTools();
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return trajectories.apply(
        "CountToolUses",
        MapElements.into(TypeDescriptor.of(Trajectory.class))
            .via(t -> t.toBuilder().setToolCounts(ToolExtractor.extract(t.getMessages())).build()));
  }
}
