package io.swetraces.transforms;

import io.swetraces.curate.Conversations;
import io.swetraces.curate.MinHash;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keeps one trajectory of each conversation (exact duplicates: copies across dumps and files), one of
 * near duplicates ({@link NearDuplicates}: re-runs that went the same way), and at most N per task
 * with {@link #withMaxPerInstance}: re-runs and teachers on one task over-weight
 * it. Which one stays is {@link Conversations#rank}'s choice: resolved, then shorter, then by id.
 */
public final class Deduplicate extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  public static final String DUPLICATE = "duplicate";
  public static final String NEAR_DUPLICATE = "near_duplicate";
  public static final String PER_INSTANCE = "per_instance_limit";

  private final CurationMode mode;
  private final double nearThreshold;
  private final int maxPerInstance;

  private Deduplicate(CurationMode mode, double nearThreshold, int maxPerInstance) {
    this.mode = mode;
    this.nearThreshold = nearThreshold;
    this.maxPerInstance = maxPerInstance;
  }

  public static Deduplicate conversations() {
    return new Deduplicate(CurationMode.DROP, MinHash.DEFAULT_THRESHOLD, 0);
  }

  public Deduplicate withMode(CurationMode mode) {
    return new Deduplicate(mode, nearThreshold, maxPerInstance);
  }

  /** Near duplicates: at least this estimated Jaccard similarity of what the assistant said; 0 turns it off. */
  public Deduplicate withNearDuplicateThreshold(double threshold) {
    return new Deduplicate(mode, threshold, maxPerInstance);
  }

  /** At most this many trajectories per instance; 0 for no limit. */
  public Deduplicate withMaxPerInstance(int n) {
    return new Deduplicate(mode, nearThreshold, n);
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    PCollection<Trajectory> unique = trajectories.apply("SameConversation",
        new KeepBestPerKey(Conversations::hash, 1, mode, DUPLICATE));
    PCollection<Trajectory> distinct = unique.apply("NearDuplicates",
        new NearDuplicates(nearThreshold, nearThreshold > 0 ? mode : CurationMode.OFF, NEAR_DUPLICATE));
    return distinct.apply("PerInstance",
        new KeepBestPerKey(Trajectory::getInstanceId, maxPerInstance, CurationMode.DROP, PER_INSTANCE));
  }
}
