package io.swetraces.io;

import io.swetraces.hub.Hub;
import io.swetraces.hub.HubOptions;
import io.swetraces.hub.SourceUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a run or an inspection reads, resolved where it is launched: the {@code --input} patterns,
 * or the files of a {@code --dataset}'s configs and splits. Mistakes (a pattern matching nothing, a
 * dataset or config that does not exist) fail here, before any job starts; Hub patterns are pinned
 * to the commit their revision names now, so every worker reads the same files. A folder stands for
 * every file under it, at any depth.
 */
public final class Inputs {
  private Inputs() {}

  /** Exactly one of {@code input} and {@code dataset}; configs and splits only with a dataset. */
  public static List<TraceSource> resolve(@Nullable String input, @Nullable String dataset,
      List<String> configs, List<String> splits, HubOptions hub) throws IOException {
    boolean fromDataset = given(dataset);
    if (fromDataset == given(input)) {
      throw new IllegalArgumentException(
          fromDataset ? "give --input or --dataset, not both" : "--input or --dataset is required");
    }
    if (!fromDataset) {
      if (!configs.isEmpty() || !splits.isEmpty()) {
        throw new IllegalArgumentException("--configs and --splits choose from a --dataset");
      }
      return patterns(input, hub).stream().map(TraceSource::of).toList();
    }
    try {
      return Hub.dataset(dataset.trim(), configs, splits, hub).stream()
          .map(files -> TraceSource.tagged(files.pattern(), files.config(), files.split()))
          .toList();
    } catch (SourceUnavailableException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalArgumentException("--dataset: " + e.getMessage(), e);
    }
  }

  /** The comma-separated input patterns, each matching at least one file, Hub patterns pinned. */
  public static List<String> patterns(String input, HubOptions hub) throws IOException {
    List<String> patterns = new ArrayList<>();
    for (String p : input.split(",")) {
      String pattern = p.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      if (Hub.isHubPath(pattern)) {
        try {
          patterns.add(Hub.pin(pattern, hub));
        } catch (SourceUnavailableException e) {
          throw e;
        } catch (IOException | IllegalArgumentException e) {
          throw new IllegalArgumentException("--input: " + e.getMessage(), e);
        }
        continue;
      }
      List<MatchResult.Metadata> files = files(pattern);
      if (files.isEmpty()) {
        files = files(folder(pattern));
        if (files.isEmpty()) {
          throw new IllegalArgumentException("--input: no file matches " + pattern);
        }
        pattern = folder(pattern);
      }
      patterns.add(pattern);
    }
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("--input names no file");
    }
    return patterns;
  }

  /** How much a run reads: its files and their bytes as stored. */
  public record Size(long files, long bytes) {}

  /** The files the sources match now, each counted once, and their bytes. */
  public static Size measure(List<TraceSource> sources) throws IOException {
    Map<String, Long> sizes = new HashMap<>();
    for (TraceSource source : sources) {
      for (MatchResult.Metadata m : files(source.getPattern())) {
        sizes.put(m.resourceId().toString(), m.sizeBytes());
      }
    }
    return new Size(sizes.size(), sizes.values().stream().mapToLong(Long::longValue).sum());
  }

  /** The files a pattern matches now, folders left out. */
  private static List<MatchResult.Metadata> files(String pattern) throws IOException {
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return List.of();
    }
    return match.metadata().stream().filter(m -> !m.resourceId().isDirectory()).toList();
  }

  /** Everything under a folder, at any depth: what a folder given as an input means. */
  private static String folder(String pattern) {
    return (pattern.endsWith("/") ? pattern : pattern + "/") + "**";
  }

  private static boolean given(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
