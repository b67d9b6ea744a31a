package io.swetraces.transforms;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.tokens.PathologicalTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a step after reading does with a trajectory it fails on: a reject with the step's stage and
 * a reason, so one row never takes a run down and never vanishes. Text too long to count is {@link
 * PathologicalTextException#REASON}; any other failure is {@link Reject#STEP_FAILED}, logged with
 * the row's place and the failure's (never the row's text) since it is a defect to fix. A stack overflow counts as a
 * failure of the row: the thread unwinds it, and the next row starts with a fresh stack.
 */
final class RowFailures {
  private static final Logger LOG = LoggerFactory.getLogger(RowFailures.class);

  private RowFailures() {}

  static Reject reject(Trajectory t, String stage, Throwable failure) {
    TraceMetrics.rejected(stage).inc();
    if (failure instanceof PathologicalTextException) {
      return Reject.of(t.getSource(), t.getPosition(), stage, PathologicalTextException.REASON,
          failure.getMessage(), excerpt(t));
    }
    // Where it failed, not the message: messages may quote the row.
    StackTraceElement[] at = failure.getStackTrace();
    String detail = failure.getClass().getName() + (at.length > 0 ? " at " + at[0] : "");
    LOG.warn("The {} step failed on row {} of {}: {}", stage, t.getPosition(), t.getSource(), detail);
    return Reject.of(t.getSource(), t.getPosition(), stage, Reject.STEP_FAILED, detail, excerpt(t));
  }

  /** What identifies the row to a person: its ids, not its text. */
  private static String excerpt(Trajectory t) {
    return "instance_id=" + t.getInstanceId() + " trajectory_id=" + t.getTrajectoryId();
  }
}
