package io.swetraces.transforms;

import io.swetraces.curate.Contamination;
import io.swetraces.model.BenchmarkTask;
import io.swetraces.model.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds trajectories whose task is one of the SWE benchmarks' (bundled instance lists: SWE-bench
 * full, Lite and Verified, Multilingual, Multi-SWE-bench and its mini subset; and any benchmark
 * given as rows), by instance id, by repository and issue number, or by the given rows' task
 * statements and gold patches repeated: trained on, they would inflate every later score on that
 * benchmark.
 */
public final class Decontaminate extends CheckRows {
  public static final String REASON = "contaminated";

  private final @Nullable PCollection<BenchmarkTask> given;

  private Decontaminate(CurationMode mode, @Nullable PCollection<BenchmarkTask> given) {
    super(mode, REASON);
    this.given = given;
  }

  public static Decontaminate againstBenchmarks() {
    return new Decontaminate(CurationMode.DROP, null);
  }

  public Decontaminate withMode(CurationMode mode) {
    return new Decontaminate(mode, given);
  }

  /** Also against these benchmark tasks, read in the pipeline; the bundled lists still apply. */
  public Decontaminate withTasks(@Nullable PCollection<BenchmarkTask> tasks) {
    return new Decontaminate(mode(), tasks);
  }

  @Override
  Check check() {
    return new ByTask(new Contamination());
  }

  @Override
  @Nullable PCollectionView<Check> checkBuilt(PCollection<Trajectory> trajectories) {
    return given == null ? null : given.apply("IndexBenchmarks", Combine.globally(new IndexFn()).asSingletonView());
  }

  private record ByTask(Contamination contamination) implements Check {
    @Override
    public @Nullable String finding(Trajectory t) {
      return contamination.match(t);
    }

    @Override
    public Trajectory noted(Trajectory t, String finding) {
      return t.toBuilder().setContamination(finding).build();
    }
  }

  /** The given tasks, gathered, indexed once into the check every worker receives. */
  private static final class IndexFn extends Combine.CombineFn<BenchmarkTask, List<BenchmarkTask>, Check> {
    @Override
    public List<BenchmarkTask> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<BenchmarkTask> addInput(List<BenchmarkTask> tasks, BenchmarkTask task) {
      tasks.add(task);
      return tasks;
    }

    @Override
    public List<BenchmarkTask> mergeAccumulators(Iterable<List<BenchmarkTask>> all) {
      List<BenchmarkTask> merged = new ArrayList<>();
      all.forEach(merged::addAll);
      return merged;
    }

    @Override
    public Check extractOutput(List<BenchmarkTask> tasks) {
      // Files are read in parallel: the order that names a task found in two benchmarks is fixed here.
      tasks.sort(BenchmarkTask.ORDER);
      return new ByTask(new Contamination(tasks));
    }

    @Override
    public Coder<List<BenchmarkTask>> getAccumulatorCoder(CoderRegistry registry, Coder<BenchmarkTask> input) {
      return ListCoder.of(input);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Coder<Check> getDefaultOutputCoder(CoderRegistry registry, Coder<BenchmarkTask> input) {
      return (Coder<Check>) (Coder<?>) SerializableCoder.of(ByTask.class);
    }
  }
}
