package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The output of a step that chooses among trajectories: those it keeps, and those it drops, each
 * carrying the reason it was dropped.
 */
public final class Selection extends TupleOutput {
  private final TupleTag<Trajectory> keptTag;
  private final TupleTag<Trajectory> droppedTag;

  private Selection(PCollectionTuple tuple, TupleTag<Trajectory> keptTag, TupleTag<Trajectory> droppedTag) {
    super(tuple);
    this.keptTag = keptTag;
    this.droppedTag = droppedTag;
  }

  public static Selection of(PCollectionTuple tuple, TupleTag<Trajectory> kept, TupleTag<Trajectory> dropped) {
    return new Selection(tuple, kept, dropped);
  }

  public PCollection<Trajectory> kept() {
    return tuple.get(keptTag);
  }

  public PCollection<Trajectory> dropped() {
    return tuple.get(droppedTag);
  }
}
