package io.swetraces.transforms;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import java.io.Serializable;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
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

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return WithRejects.of(trajectories.apply("Check",
            ParDo.of(new CheckFn(check(), mode, reason)).withOutputTags(CHECKED, TupleTagList.of(FAILED))),
        CHECKED, FAILED);
  }

  static final class CheckFn extends DoFn<Trajectory, Trajectory> {
    private final Check check;
    private final CurationMode mode;
    private final String reason;

    CheckFn(Check check, CurationMode mode, String reason) {
      this.check = check;
      this.mode = mode;
      this.reason = reason;
    }

    @ProcessElement
    public void process(@Element Trajectory t, MultiOutputReceiver out) {
      if (mode == CurationMode.OFF) {
        out.get(CHECKED).output(t);
        return;
      }
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
