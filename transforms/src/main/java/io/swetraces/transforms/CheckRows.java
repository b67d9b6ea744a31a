package io.swetraces.transforms;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import java.io.Serializable;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A curation stage that judges each trajectory on its own ({@link Decontaminate}, {@link
 * ValidateToolCalls}): what it finds goes into the trajectory's column, and, in {@link
 * CurationMode#DROP}, drops it from the SFT set under the stage's reason unless an earlier stage
 * did. A trajectory the check fails on is a reject of the {@code curate} stage.
 */
abstract class CheckRows extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  /** The check itself, pure. */
  interface Check extends Serializable {
    /** What is wrong with the trajectory, or null. */
    @Nullable String finding(Trajectory t);

    /** The trajectory with the finding in its column. */
    Trajectory noted(Trajectory t, String finding);
  }

  private static final TupleTag<Trajectory> CHECKED = new TupleTag<>() {};
  private static final TupleTag<Reject> FAILED = new TupleTag<>() {};

  private final CurationMode mode;
  private final String reason;

  CheckRows(CurationMode mode, String reason) {
    this.mode = mode;
    this.reason = reason;
  }

  abstract Check check();

  CurationMode mode() {
    return mode;
  }

  /**
   * The check built in the graph from data the pipeline reads, as a side input, or null for
   * {@link #check()}.
   */
  @Nullable PCollectionView<Check> checkBuilt(PCollection<Trajectory> trajectories) {
    return null;
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    PCollectionView<Check> built = mode == CurationMode.OFF ? null : checkBuilt(trajectories);
    ParDo.SingleOutput<Trajectory, Trajectory> check = ParDo.of(new CheckFn(built == null ? check() : null, built,
        mode, reason));
    if (built != null) {
      check = check.withSideInputs(built);
    }
    return WithRejects.of(trajectories.apply("Check", check.withOutputTags(CHECKED, TupleTagList.of(FAILED))),
        CHECKED, FAILED);
  }

  static final class CheckFn extends DoFn<Trajectory, Trajectory> {
    private final @Nullable Check check;
    private final @Nullable PCollectionView<Check> built;
    private final CurationMode mode;
    private final String reason;

    CheckFn(@Nullable Check check, @Nullable PCollectionView<Check> built, CurationMode mode, String reason) {
      this.check = check;
      this.built = built;
      this.mode = mode;
      this.reason = reason;
    }

    @ProcessElement
    public void process(ProcessContext c, MultiOutputReceiver out) {
      Trajectory t = c.element();
      if (mode == CurationMode.OFF) {
        out.get(CHECKED).output(t);
        return;
      }
      Check check = built != null ? c.sideInput(built) : this.check;
      String finding;
      try {
        finding = check.finding(t);
      } catch (RuntimeException | StackOverflowError e) {
        out.get(FAILED).output(RowFailures.reject(t, Reject.CURATE, e));
        return;
      }
      if (finding == null) {
        out.get(CHECKED).output(t);
        return;
      }
      Trajectory noted = check.noted(t, finding);
      if (mode == CurationMode.DROP && noted.getSftDropReason() == null) {
        noted = noted.toBuilder().setSftDropReason(reason).build();
      }
      out.get(CHECKED).output(noted);
    }
  }
}
