package io.swetraces.stats;

import io.swetraces.model.AnalysisRow;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/** Combines analysis rows into {@link AnalysisStats}, in parallel on any runner. */
public final class AnalysisStatsFn extends Combine.CombineFn<AnalysisRow, AnalysisStats, AnalysisStats> {
  @Override
  public AnalysisStats createAccumulator() {
    return new AnalysisStats();
  }

  @Override
  public AnalysisStats addInput(AnalysisStats acc, AnalysisRow row) {
    acc.add(row);
    return acc;
  }

  @Override
  public AnalysisStats mergeAccumulators(Iterable<AnalysisStats> accs) {
    AnalysisStats merged = new AnalysisStats();
    for (AnalysisStats a : accs) {
      merged.merge(a);
    }
    return merged;
  }

  @Override
  public AnalysisStats extractOutput(AnalysisStats acc) {
    return acc;
  }

  @Override
  public Coder<AnalysisStats> getAccumulatorCoder(CoderRegistry registry, Coder<AnalysisRow> input)
      throws CannotProvideCoderException {
    return AnalysisStatsCoder.of();
  }

  @Override
  public Coder<AnalysisStats> getDefaultOutputCoder(CoderRegistry registry, Coder<AnalysisRow> input)
      throws CannotProvideCoderException {
    return AnalysisStatsCoder.of();
  }
}
