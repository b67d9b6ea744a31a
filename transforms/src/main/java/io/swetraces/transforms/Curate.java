package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Chooses the SFT training examples among analysed trajectories: each curation stage keeps some and
 * drops the others with a reason, and what a stage keeps goes on to the next. Today the one stage is
 * {@link FilterSft}.
 */
public final class Curate extends PTransform<PCollection<Trajectory>, Selection> {
  private final SftCriteria criteria;

  private Curate(SftCriteria criteria) {
    this.criteria = criteria;
  }

  /** The tutorial's filters (see {@link SftCriteria#defaults()}). */
  public static Curate trainingExamples() {
    return new Curate(SftCriteria.defaults());
  }

  public Curate withCriteria(SftCriteria criteria) {
    return new Curate(criteria);
  }

  @Override
  public Selection expand(PCollection<Trajectory> trajectories) {
    return trajectories.apply("FilterSft", FilterSft.trainingExamples().withCriteria(criteria));
  }
}
