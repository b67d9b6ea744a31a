package io.swetraces.transforms;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * A step of {@link Analyse} that adds one measure to each trajectory; a trajectory it fails on
 * becomes a reject of the {@code analyse} stage (see {@link RowFailures}).
 */
abstract class MeasureFn extends DoFn<Trajectory, Trajectory> {
  private static final TupleTag<Trajectory> MEASURED = new TupleTag<>() {};
  private static final TupleTag<Reject> FAILED = new TupleTag<>() {};

  /** The trajectory with this step's measure set. */
  abstract Trajectory measure(Trajectory t);

  @ProcessElement
  public void process(@Element Trajectory t, MultiOutputReceiver out) {
    Trajectory measured;
    try {
      measured = measure(t);
    } catch (RuntimeException | StackOverflowError e) {
      out.get(FAILED).output(RowFailures.reject(t, Reject.ANALYSE, e));
      return;
    }
    out.get(MEASURED).output(measured);
  }

  /** Applies this step to each trajectory under {@code name}. */
  WithRejects<Trajectory> applyTo(PCollection<Trajectory> trajectories, String name) {
    return WithRejects.of(
        trajectories.apply(name, ParDo.of(this).withOutputTags(MEASURED, TupleTagList.of(FAILED))),
        MEASURED, FAILED);
  }
}
