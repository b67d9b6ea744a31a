package io.swetraces.transforms;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The output of a step that chooses among trajectories: those it keeps, those it drops, each
 * carrying the reason it was dropped, and rejects for those it could not judge.
 */
public final class Selection extends TupleOutput {
  private final TupleTag<Trajectory> keptTag;
  private final TupleTag<Trajectory> droppedTag;
  private final TupleTag<Reject> rejectsTag;

  private Selection(PCollectionTuple tuple, TupleTag<Trajectory> keptTag, TupleTag<Trajectory> droppedTag,
      TupleTag<Reject> rejectsTag) {
    super(tuple);
    this.keptTag = keptTag;
    this.droppedTag = droppedTag;
    this.rejectsTag = rejectsTag;
  }

  public static Selection of(PCollectionTuple tuple, TupleTag<Trajectory> kept, TupleTag<Trajectory> dropped,
      TupleTag<Reject> rejects) {
    return new Selection(tuple, kept, dropped, rejects);
  }

  public PCollection<Trajectory> kept() {
    return tuple.get(keptTag);
  }

  public PCollection<Trajectory> dropped() {
    return tuple.get(droppedTag);
  }

  public PCollection<Reject> rejects() {
    return tuple.get(rejectsTag);
  }
}
