package io.swetraces.model;

/**
 * Where a trajectory's {@code resolved} label comes from, as the {@code label_source} column spells
 * it, from the most trusted source down: when sources disagree the first one wins
 * ({@code docs/input.md}).
 */
public final class LabelSource {
  /** A label file given with {@code --labelFiles}, per instance or per run. */
  public static final String GIVEN = "given";
  /** The row's own label (Open-SWE-Traces' {@code resolved}, a dataset's bool). */
  public static final String ROW = "row";
  /** The SWE-bench harness's per-instance {@code report.json} in the run folder. */
  public static final String INSTANCE_REPORT = "instance_report";
  /** The run's {@code results.json} (or results summary) in the run folder. */
  public static final String RUN_RESULTS = "run_results";
  /** No label: {@code resolved} is -1. */
  public static final String NONE = "none";

  private LabelSource() {}
}
