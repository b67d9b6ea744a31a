package io.swetraces.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Every counter the pipeline reports, in one namespace, so runners' UIs and tests agree on names.
 * Those that measure progress are also kept in this process ({@link #localProgress}).
 */
public final class TraceMetrics {
  public static final String NAMESPACE = "swe-traces";

  private static final String REJECTED = "rejected_";
  private static final String SFT_DROPPED = "sft_dropped_";

  /** Bytes read from the input files, compressed as stored. */
  public static final Counter BYTES_READ = LocalCounter.named("bytes_read");
  /** Input files read to their end. */
  public static final Counter FILES_READ = LocalCounter.named("files_read");
  public static final Counter ROWS_READ = LocalCounter.named("rows_read");
  public static final Counter READ_REJECTS = LocalCounter.named(REJECTED + "read");
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
  public static final Counter NORMALIZE_REJECTS = LocalCounter.named(REJECTED + "normalize");
  public static final Counter SFT_KEPT = LocalCounter.named("sft_kept");

  private TraceMetrics() {}

  /** Trajectories a step after normalizing rejected, by the step's stage. */
  public static Counter rejected(String stage) {
    return LocalCounter.named(REJECTED + stage);
  }

  /** Secret values replaced, per detection rule. */
  public static Counter secretsRedacted(String rule) {
    return LocalCounter.named("secrets_redacted_" + rule);
  }

  public static Counter sftDropped(String reason) {
    return LocalCounter.named(SFT_DROPPED + reason);
  }

  /** How far a job running in this process has got, from the counters above. */
  public record Progress(long filesRead, long bytesRead, long rowsRead, long rejected, long analysed, long kept) {
    /** What was done since {@code earlier}. */
    public Progress since(Progress earlier) {
      return new Progress(filesRead - earlier.filesRead, bytesRead - earlier.bytesRead, rowsRead - earlier.rowsRead,
          rejected - earlier.rejected, analysed - earlier.analysed, kept - earlier.kept);
    }
  }

  public static Progress localProgress() {
    long kept = LocalCounter.local("sft_kept");
    return new Progress(LocalCounter.local("files_read"), LocalCounter.local("bytes_read"),
        LocalCounter.local("rows_read"), LocalCounter.localStartingWith(REJECTED),
        kept + LocalCounter.localStartingWith(SFT_DROPPED), kept);
  }
}
