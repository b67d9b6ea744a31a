package io.swetraces.transforms;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Splits trajectories into SFT training examples and the rest; each dropped one carries its {@link
 * Trajectory#getSftDropReason() reason} and is counted under it; one it fails to judge is a reject
 * of the {@code curate} stage.
 */
public final class FilterSft extends PTransform<PCollection<Trajectory>, Selection> {
  private static final TupleTag<Trajectory> KEPT = new TupleTag<>() {};
  private static final TupleTag<Trajectory> DROPPED = new TupleTag<>() {};
  private static final TupleTag<Reject> FAILED = new TupleTag<>() {};

  private final SftCriteria criteria;

  private FilterSft(SftCriteria criteria) {
    this.criteria = criteria;
  }

  /** The tutorial's filters: resolved only, at most 32,000 tokens, any language, non-empty patch. */
  public static FilterSft trainingExamples() {
    return new FilterSft(SftCriteria.defaults());
  }

  public FilterSft withCriteria(SftCriteria criteria) {
    return new FilterSft(criteria);
  }

  @Override
  public Selection expand(PCollection<Trajectory> trajectories) {
    return Selection.of(
        trajectories.apply(
            "ApplySftCriteria",
            ParDo.of(new FilterSftFn(criteria)).withOutputTags(KEPT, TupleTagList.of(DROPPED).and(FAILED))),
        KEPT, DROPPED, FAILED);
  }

  static final class FilterSftFn extends DoFn<Trajectory, Trajectory> {
    private final SftCriteria criteria;

    FilterSftFn(SftCriteria criteria) {
      this.criteria = criteria;
    }

    @ProcessElement
    public void process(@Element Trajectory t, MultiOutputReceiver out) {
      String reason;
      try {
        // A stage before may have dropped it already (contamination, a duplicate, a broken tool call).
        reason = t.getSftDropReason() != null ? t.getSftDropReason() : criteria.dropReason(t);
      } catch (RuntimeException | StackOverflowError e) {
        out.get(FAILED).output(RowFailures.reject(t, Reject.CURATE, e));
        return;
      }
      if (reason == null) {
        TraceMetrics.SFT_KEPT.inc();
        out.get(KEPT).output(t);
      } else {
        TraceMetrics.sftDropped(reason).inc();
        out.get(DROPPED).output(t.toBuilder().setSftDropReason(reason).build());
      }
    }
  }
}
