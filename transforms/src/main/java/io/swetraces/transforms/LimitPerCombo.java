package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps the first N trajectories of each (agent, model) pair, first by file name and then by row
 * position, the way the tutorial takes the first N rows of each split. The choice depends only on
 * the data, so every runner keeps the same rows. Only row references are grouped, never whole
 * trajectories.
 */
public final class LimitPerCombo extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private final int limit;

  private LimitPerCombo(int limit) {
    this.limit = limit;
  }

  public static LimitPerCombo first(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return new LimitPerCombo(limit);
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    PCollectionView<Map<String, Boolean>> kept =
        trajectories
            .apply("RowRefsPerCombo",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(t -> KV.of(t.getAgent() + "\t" + t.getModel(), ref(t))))
            .apply("FirstRowsPerCombo", Top.smallestPerKey(limit))
            .apply("KeptRefs",
                FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.booleans()))
                    .via(kv -> kv.getValue().stream().map(r -> KV.of(r, true)).collect(Collectors.toList())))
            .apply("AsLookup", View.asMap());
    return trajectories.apply(
        "KeepFirstRows", ParDo.of(new KeepFn(kept)).withSideInputs(kept));
  }

  /** Sorts as (file, position): positions are zero-padded to the width of a long. */
  static String ref(Trajectory t) {
    return t.getSource() + '\u0000' + String.format("%019d", t.getPosition());
  }

  private static final class KeepFn extends DoFn<Trajectory, Trajectory> {
    private final PCollectionView<Map<String, Boolean>> kept;

    KeepFn(PCollectionView<Map<String, Boolean>> kept) {
      this.kept = kept;
    }

    @ProcessElement
    public void process(@Element Trajectory t, OutputReceiver<Trajectory> out, ProcessContext c) {
      if (c.sideInput(kept).containsKey(ref(t))) {
        out.output(t);
      }
    }
  }
}
