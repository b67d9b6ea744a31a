package io.swetraces.transforms;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Splits trajectories into SFT training examples and the rest; each dropped one carries its {@link
 * Trajectory#getSftDropReason() reason} and is counted under it; one it fails to judge is a reject
 * of the {@code curate} stage.
 */
public final class FilterSft extends PTransform<PCollection<Trajectory>, Selection> {
  private static final TupleTag<Trajectory> KEPT = new TupleTag<>() {};
  private static final TupleTag<Trajectory> DROPPED = new TupleTag<>() {};
  private static final TupleTag<Reject> FAILED = new TupleTag<>() {};

  private final @Nullable SftCriteria criteria;

  private FilterSft(@Nullable SftCriteria criteria) {
    this.criteria = criteria;
  }

  /** The tutorial's filters: resolved only, at most 32,000 tokens, any language, non-empty patch. */
  public static FilterSft trainingExamples() {
    return new FilterSft(SftCriteria.defaults());
  }

  public FilterSft withCriteria(SftCriteria criteria) {
    return new FilterSft(criteria);
  }

  /**
   * Splits by the reasons stages after a filter gave only (no criterion of its own): what it drops
   * the filter had counted as kept.
   */
  public static FilterSft byDropReason() {
    return new FilterSft(null);
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
    private final @Nullable SftCriteria criteria;

    FilterSftFn(@Nullable SftCriteria criteria) {
      this.criteria = criteria;
    }

    @ProcessElement
    public void process(@Element Trajectory t, MultiOutputReceiver out) {
      String reason;
      try {
        // A stage before may have dropped it already (contamination, a duplicate, a broken tool call).
        reason = t.getSftDropReason() != null || criteria == null ? t.getSftDropReason() : criteria.dropReason(t);
      } catch (RuntimeException | StackOverflowError e) {
        out.get(FAILED).output(RowFailures.reject(t, Reject.CURATE, e));
        return;
      }
      if (reason == null) {
        if (criteria != null) {
          TraceMetrics.SFT_KEPT.inc();
        }
        out.get(KEPT).output(t);
      } else {
        if (criteria == null) {
          TraceMetrics.SFT_KEPT.dec(); // counted as kept by the filter before, then dropped as a duplicate
        }
        TraceMetrics.sftDropped(reason).inc();
        out.get(DROPPED).output(t.toBuilder().setSftDropReason(reason).build());
      }
    }
  }
}
