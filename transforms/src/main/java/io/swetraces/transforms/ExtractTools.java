package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.ToolExtractor;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/** Counts the tools each trajectory uses (see {@link ToolExtractor} for the five sources). */
public final class ExtractTools extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  private ExtractTools() {}

  public static ExtractTools perTrajectory() {
    return new ExtractTools();
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return new CountToolUsesFn().applyTo(trajectories, "CountToolUses");
  }

  private static final class CountToolUsesFn extends MeasureFn {
    @Override
    Trajectory measure(Trajectory t) {
      return t.toBuilder().setToolCounts(ToolExtractor.extract(t.getMessages())).build();
    }
  }
}
