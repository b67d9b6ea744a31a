package io.swetraces.transforms;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/** A transform's result made of several tagged outputs, exposed by named getters in subclasses. */
public abstract class TupleOutput implements POutput {
  protected final PCollectionTuple tuple;

  protected TupleOutput(PCollectionTuple tuple) {
    this.tuple = tuple;
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
  public void finishSpecifyingOutput(String name, PInput input, PTransform<?, ?> transform) {}
}
