package io.swetraces.transforms;

import io.swetraces.curate.MinHash;
import io.swetraces.model.BenchmarkTask;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Chooses the SFT training examples among analysed trajectories. Integrity stages first, each
 * noting what it finds in its column and dropping the trajectory under its reason (or only
 * flagging it, or off): broken tool calls ({@link ValidateToolCalls}) and benchmark tasks ({@link
 * Decontaminate}); then the tutorial's filters ({@link FilterSft}); then, among the examples left,
 * duplicate and near-duplicate conversations and the per-task limit ({@link Deduplicate}). A
 * trajectory dropped by one stage keeps that stage's reason; the rest go on.
 */
public final class Curate extends PTransform<PCollection<Trajectory>, Selection> {
  private static final TupleTag<Trajectory> KEPT = new TupleTag<>() {};
  private static final TupleTag<Trajectory> DROPPED = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final SftCriteria criteria;
  private final CurationMode toolCalls;
  private final CurationMode contamination;
  private final CurationMode duplicates;
  private final double nearDuplicateThreshold;
  private final int maxPerInstance;
  private final @Nullable PCollection<BenchmarkTask> benchmarkTasks;

  private Curate(SftCriteria criteria, CurationMode toolCalls, CurationMode contamination,
      CurationMode duplicates, double nearDuplicateThreshold, int maxPerInstance,
      @Nullable PCollection<BenchmarkTask> benchmarkTasks) {
    this.criteria = criteria;
    this.toolCalls = toolCalls;
    this.contamination = contamination;
    this.duplicates = duplicates;
    this.nearDuplicateThreshold = nearDuplicateThreshold;
    this.maxPerInstance = maxPerInstance;
    this.benchmarkTasks = benchmarkTasks;
  }

  /** Every integrity stage dropping what it finds, then the tutorial's filters ({@link SftCriteria#defaults()}). */
  public static Curate trainingExamples() {
    return new Curate(SftCriteria.defaults(), CurationMode.DROP, CurationMode.DROP, CurationMode.DROP,
        MinHash.DEFAULT_THRESHOLD, 0, null);
  }

  /** Only the tutorial's filters, as it chose its SFT set. */
  public Curate asTheTutorial() {
    return new Curate(criteria, CurationMode.OFF, CurationMode.OFF, CurationMode.OFF, 0, 0, null);
  }

  public Curate withCriteria(SftCriteria criteria) {
    return new Curate(criteria, toolCalls, contamination, duplicates, nearDuplicateThreshold, maxPerInstance, benchmarkTasks);
  }

  public Curate withToolCalls(CurationMode mode) {
    return new Curate(criteria, mode, contamination, duplicates, nearDuplicateThreshold, maxPerInstance, benchmarkTasks);
  }

  public Curate withDecontamination(CurationMode mode) {
    return new Curate(criteria, toolCalls, mode, duplicates, nearDuplicateThreshold, maxPerInstance, benchmarkTasks);
  }

  public Curate withDeduplication(CurationMode mode) {
    return new Curate(criteria, toolCalls, contamination, mode, nearDuplicateThreshold, maxPerInstance, benchmarkTasks);
  }

  /** Near duplicates: at least this estimated Jaccard similarity; 0 turns them off. */
  public Curate withNearDuplicateThreshold(double threshold) {
    return new Curate(criteria, toolCalls, contamination, duplicates, threshold, maxPerInstance, benchmarkTasks);
  }

  /** At most this many trajectories per task in the SFT set; 0 for no limit. */
  public Curate withMaxPerInstance(int n) {
    return new Curate(criteria, toolCalls, contamination, duplicates, nearDuplicateThreshold, n, benchmarkTasks);
  }

  /** Decontaminates against these benchmark tasks too (read from files), besides the bundled lists. */
  public Curate withBenchmarkTasks(PCollection<BenchmarkTask> tasks) {
    return new Curate(criteria, toolCalls, contamination, duplicates, nearDuplicateThreshold, maxPerInstance, tasks);
  }

  @Override
  public Selection expand(PCollection<Trajectory> trajectories) {
    WithRejects<Trajectory> calls =
        trajectories.apply("ValidateToolCalls", ValidateToolCalls.againstDefinitions().withMode(toolCalls));
    WithRejects<Trajectory> tasks =
        calls.output().apply("Decontaminate", Decontaminate.againstBenchmarks().withMode(contamination).withTasks(benchmarkTasks));
    Selection filtered = tasks.output().apply("FilterSft", FilterSft.trainingExamples().withCriteria(criteria));
    // Duplicates among the examples only: one that stands in for a dropped trajectory would leave none.
    Selection unique = filtered.kept()
        .apply("Deduplicate", Deduplicate.conversations().withMode(duplicates)
            .withNearDuplicateThreshold(nearDuplicateThreshold).withMaxPerInstance(maxPerInstance))
        .apply("KeptOrDropped", FilterSft.byDropReason());
    PCollection<Reject> rejects = PCollectionList.of(calls.rejects()).and(tasks.rejects()).and(filtered.rejects())
        .and(unique.rejects())
        .apply("CurateRejects", Flatten.pCollections());
    PCollection<Trajectory> dropped = PCollectionList.of(filtered.dropped()).and(unique.dropped())
        .apply("AllDropped", Flatten.pCollections());
    return Selection.of(PCollectionTuple.of(KEPT, unique.kept()).and(DROPPED, dropped).and(REJECTS, rejects),
        KEPT, DROPPED, REJECTS);
  }
}
