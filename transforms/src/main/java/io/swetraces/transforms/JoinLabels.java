package io.swetraces.transforms;

import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import io.swetraces.runs.LabelJoin;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Joins the trajectories of agent runs with the labels and predictions of their runs' evaluation
 * files ({@link LabelJoin}), by a keyed join on the instance, so it scales on every runner. Rows that
 * carry their own label (Open-SWE-Traces rows, dataset rows) pass by without being grouped.
 */
public final class JoinLabels extends PTransform<PCollection<Trajectory>, PCollectionTuple> {
  /** The trajectories, labelled. */
  public static final TupleTag<Trajectory> LABELLED = new TupleTag<>() {};
  /** One sum: trajectories whose evaluation files disagree. */
  public static final TupleTag<Long> CONFLICTS = new TupleTag<>() {};

  private static final TupleTag<Trajectory> OF_RUNS = new TupleTag<>() {};
  private static final TupleTag<Trajectory> OWN_LABEL = new TupleTag<>() {};
  private static final TupleTag<Trajectory> KEYED = new TupleTag<>() {};
  private static final TupleTag<RunLabel> LABELS = new TupleTag<>() {};
  private static final TupleTag<Long> CONFLICT = new TupleTag<>() {};

  private final PCollection<RunLabel> labels;

  private JoinLabels(PCollection<RunLabel> labels) {
    this.labels = labels;
  }

  public static JoinLabels with(PCollection<RunLabel> labels) {
    return new JoinLabels(labels);
  }

  @Override
  public PCollectionTuple expand(PCollection<Trajectory> trajectories) {
    PCollectionTuple split = trajectories.apply("OfRunsOrOwnLabel",
        ParDo.of(new SplitFn()).withOutputTags(OF_RUNS, TupleTagList.of(OWN_LABEL)));
    PCollection<KV<String, Trajectory>> keyed = split.get(OF_RUNS)
        .apply("ByInstance", ParDo.of(new KeyFn<Trajectory>(Trajectory::getInstanceId)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), coder(trajectories, Trajectory.class)));
    PCollection<KV<String, RunLabel>> keyedLabels = labels
        .apply("LabelsByInstance", ParDo.of(new KeyFn<RunLabel>(RunLabel::getInstanceId)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), coder(trajectories, RunLabel.class)));
    PCollectionTuple joined = KeyedPCollectionTuple.of(KEYED, keyed).and(LABELS, keyedLabels)
        .apply("ByInstanceWithLabels", CoGroupByKey.create())
        .apply("Label", ParDo.of(new LabelFn()).withOutputTags(LABELLED, TupleTagList.of(CONFLICT)));
    PCollection<Trajectory> labelled = PCollectionList.of(split.get(OWN_LABEL)).and(joined.get(LABELLED))
        .apply("AllLabelled", Flatten.pCollections());
    return PCollectionTuple.of(LABELLED, labelled)
        .and(CONFLICTS, joined.get(CONFLICT).apply("CountConflicts", Combine.globally(Sum.ofLongs())));
  }

  private static <T> Coder<T> coder(PCollection<?> any, Class<T> type) {
    try {
      return any.getPipeline().getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(type + " has a schema", e);
    }
  }

  /** Runs' trajectories with an instance to join on, apart from the rest. */
  static final class SplitFn extends DoFn<Trajectory, Trajectory> {
    @ProcessElement
    public void process(@Element Trajectory t, MultiOutputReceiver out) {
      out.get(t.getRun() != null && t.getInstanceId() != null ? OF_RUNS : OWN_LABEL).output(t);
    }
  }

  /** Keys by a value's instance. */
  static final class KeyFn<T> extends DoFn<T, KV<String, T>> {
    private final SerializableInstance<T> instance;

    KeyFn(SerializableInstance<T> instance) {
      this.instance = instance;
    }

    @ProcessElement
    public void process(@Element T value, OutputReceiver<KV<String, T>> out) {
      out.output(KV.of(instance.of(value), value));
    }
  }

  /** A value's instance id. */
  @FunctionalInterface
  interface SerializableInstance<T> extends Serializable {
    String of(T value);
  }

  /** Labels each trajectory of an instance with what its run's files say. */
  static final class LabelFn extends DoFn<KV<String, CoGbkResult>, Trajectory> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, MultiOutputReceiver out) {
      List<RunLabel> labels = new ArrayList<>();
      group.getValue().getAll(LABELS).forEach(labels::add);
      List<Trajectory> trajectories = new ArrayList<>();
      group.getValue().getAll(KEYED).forEach(trajectories::add);
      for (LabelJoin.Joined joined : LabelJoin.apply(trajectories, labels)) {
        out.get(LABELLED).output(joined.trajectory());
        out.get(CONFLICT).output(joined.conflict() ? 1L : 0L);
      }
    }
  }
}
