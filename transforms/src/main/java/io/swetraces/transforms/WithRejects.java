package io.swetraces.transforms;

import io.swetraces.model.Reject;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/** The output of a step that can refuse elements: what it produced, and what it rejected and why. */
public final class WithRejects<T> extends TupleOutput {
  private final TupleTag<T> outputTag;
  private final TupleTag<Reject> rejectsTag;

  private WithRejects(PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<Reject> rejectsTag) {
    super(tuple);
    this.outputTag = outputTag;
    this.rejectsTag = rejectsTag;
  }

  public static <T> WithRejects<T> of(
      PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<Reject> rejectsTag) {
    return new WithRejects<>(tuple, outputTag, rejectsTag);
  }

  /** The two collections as one result. */
  public static <T> WithRejects<T> of(PCollection<T> output, PCollection<Reject> rejects) {
    TupleTag<T> outputTag = new TupleTag<>();
    TupleTag<Reject> rejectsTag = new TupleTag<>();
    return new WithRejects<>(PCollectionTuple.of(outputTag, output).and(rejectsTag, rejects), outputTag, rejectsTag);
  }

  public PCollection<T> output() {
    return tuple.get(outputTag);
  }

  public PCollection<Reject> rejects() {
    return tuple.get(rejectsTag);
  }
}
