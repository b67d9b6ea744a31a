package io.swetraces.transforms;

import io.swetraces.curate.Conversations;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keeps one trajectory of each conversation (exact duplicates: copies across dumps and files), and
 * at most N per task with {@link #withMaxPerInstance}: re-runs and teachers on one task over-weight
 * it. Which one stays is {@link Conversations#rank}'s choice: resolved, then shorter, then by id.
 */
public final class Deduplicate extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  public static final String DUPLICATE = "duplicate";
  public static final String PER_INSTANCE = "per_instance_limit";

  private final CurationMode mode;
  private final int maxPerInstance;

  private Deduplicate(CurationMode mode, int maxPerInstance) {
    this.mode = mode;
    this.maxPerInstance = maxPerInstance;
  }

  public static Deduplicate conversations() {
    return new Deduplicate(CurationMode.DROP, 0);
  }

  public Deduplicate withMode(CurationMode mode) {
    return new Deduplicate(mode, maxPerInstance);
  }

  /** At most this many trajectories per instance; 0 for no limit. */
  public Deduplicate withMaxPerInstance(int n) {
    return new Deduplicate(mode, n);
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    PCollection<Trajectory> unique = trajectories.apply("SameConversation",
        new KeepBestPerKey(Conversations::hash, 1, mode, DUPLICATE));
    return unique.apply("PerInstance",
        new KeepBestPerKey(Trajectory::getInstanceId, maxPerInstance, CurationMode.DROP, PER_INSTANCE));
  }
}
