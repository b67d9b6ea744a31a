package io.swetraces.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** Every counter the pipeline reports, in one namespace, so runners' UIs and tests agree on names. */
public final class TraceMetrics {
  public static final String NAMESPACE = "swe-traces";

  public static final Counter ROWS_READ = Metrics.counter(NAMESPACE, "rows_read");
  public static final Counter READ_REJECTS = Metrics.counter(NAMESPACE, "rejected_read");
  /** Files a sampled read never opened: their pair already had its rows. */
  public static final Counter FILES_NOT_READ = Metrics.counter(NAMESPACE, "files_not_read");
  /** Reads resumed after a checkpoint with the cursor they stopped with. */
  public static final Counter READS_RESUMED = Metrics.counter(NAMESPACE, "reads_resumed");
  /**
   * Reads resumed after a checkpoint with a new cursor (in another process, or after their cursor
   * expired): a compressed file or a Parquet row group is then decompressed again up to the resume
   * position.
   */
  public static final Counter READS_REOPENED = Metrics.counter(NAMESPACE, "reads_reopened");
  public static final Counter NORMALIZED = Metrics.counter(NAMESPACE, "normalized");
  public static final Counter NORMALIZE_REJECTS = Metrics.counter(NAMESPACE, "rejected_normalize");
  public static final Counter SFT_KEPT = Metrics.counter(NAMESPACE, "sft_kept");

  private TraceMetrics() {}

  /** Trajectories a step after normalizing rejected, by the step's stage. */
  public static Counter rejected(String stage) {
    return Metrics.counter(NAMESPACE, "rejected_" + stage);
  }

  public static Counter sftDropped(String reason) {
    return Metrics.counter(NAMESPACE, "sft_dropped_" + reason);
  }
}
