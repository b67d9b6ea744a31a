package io.swetraces.transforms;

import io.swetraces.model.Reject;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/** The output of a step that can refuse elements: what it produced, and what it rejected and why. */
public final class WithRejects<T> implements POutput {
  private final PCollectionTuple tuple;
  private final TupleTag<T> outputTag;
  private final TupleTag<Reject> rejectsTag;

  WithRejects(PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<Reject> rejectsTag) {
    this.tuple = tuple;
    this.outputTag = outputTag;
    this.rejectsTag = rejectsTag;
  }

  public static <T> WithRejects<T> of(
      PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<Reject> rejectsTag) {
    return new WithRejects<>(tuple, outputTag, rejectsTag);
  }

  public PCollection<T> output() {
    return tuple.get(outputTag);
  }

  public PCollection<Reject> rejects() {
    return tuple.get(rejectsTag);
  }

  @Override
  public Pipeline getPipeline() {
    return tuple.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return tuple.expand();
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
