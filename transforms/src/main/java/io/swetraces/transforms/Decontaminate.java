package io.swetraces.transforms;

import io.swetraces.curate.Contamination;
import io.swetraces.model.Trajectory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds trajectories whose task is one of the SWE benchmarks' (bundled instance lists: SWE-bench
 * full, Lite and Verified, Multilingual, Multi-SWE-bench and its mini subset), by instance id or by
 * repository and issue number: trained on, they would inflate every later score on that benchmark.
 */
public final class Decontaminate extends CheckRows {
  public static final String REASON = "contaminated";

  private Decontaminate(CurationMode mode) {
    super(mode, REASON);
  }

  public static Decontaminate againstBenchmarks() {
    return new Decontaminate(CurationMode.DROP);
  }

  public Decontaminate withMode(CurationMode mode) {
    return new Decontaminate(mode);
  }

  @Override
  Check check() {
    return new ByInstance(new Contamination());
  }

  private record ByInstance(Contamination contamination) implements Check {
    @Override
    public @Nullable String finding(Trajectory t) {
      return contamination.match(t.getInstanceId(), t.getRepo());
    }

    @Override
    public Trajectory noted(Trajectory t, String finding) {
      return t.toBuilder().setContamination(finding).build();
    }
  }
}
