package io.swetraces.model;

import com.google.auto.value.AutoValue;
import java.util.Comparator;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One task of an evaluation benchmark given as files ({@code --decontaminateAgainst}), as a
 * SWE-bench row states it: its id, repository, task statement and gold patch.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class BenchmarkTask {
  /** The benchmark's name, as matches name it: the Hub dataset, or the file's name. */
  public abstract String getBenchmark();

  public abstract @Nullable String getInstanceId();

  public abstract @Nullable String getRepo();

  public abstract @Nullable String getProblemStatement();

  public abstract @Nullable String getPatch();

  /** A total order, so tasks read in any order index the same. */
  public static final Comparator<BenchmarkTask> ORDER = Comparator.comparing(BenchmarkTask::getBenchmark)
      .thenComparing(BenchmarkTask::getInstanceId, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(BenchmarkTask::getRepo, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(BenchmarkTask::getProblemStatement, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(BenchmarkTask::getPatch, Comparator.nullsFirst(Comparator.naturalOrder()));

  public static BenchmarkTask of(String benchmark, @Nullable String instanceId, @Nullable String repo,
      @Nullable String problemStatement, @Nullable String patch) {
    return new AutoValue_BenchmarkTask(benchmark, instanceId, repo, problemStatement, patch);
  }
}
