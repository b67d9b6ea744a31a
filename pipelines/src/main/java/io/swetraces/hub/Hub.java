package io.swetraces.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * What the launcher asks of the Hub before the job starts, so that mistakes (a missing dataset, a
 * gated one without a token, a config that does not exist) fail at once with a clear message, and
 * every worker reads the same snapshot: revisions are pinned to the commit they name at launch.
 */
public final class Hub {
  private Hub() {}

  public static boolean isHubPath(String spec) {
    return spec.startsWith(HubPath.SCHEME + "://");
  }

  /** The pattern at the commit its revision names now, once its first file is known readable. */
  public static String pin(String spec, HubOptions options) throws IOException {
    HubClient client = new HubClient(HubSettings.from(options));
    HubPath path = HubPath.parse(spec);
    HubPath pinned = pinned(path, client.repoInfo(path));
    List<MatchResult.Metadata> files = new HubFileSystem(client).matchFiles(pinned);
    if (files.isEmpty()) {
      throw new HubException(404, true, "no file matches " + spec);
    }
    checkReadable(client, files.get(0));
    return pinned.toString();
  }

  /** A data-file pattern of a dataset, pinned to a commit, and the config and split it belongs to. */
  public record DataFiles(String pattern, String config, String split) {}

  /**
   * {@code load_dataset(name, config, split)} for every listed config and split: the dataset card's
   * {@code configs} give each pair's data files, pinned to the current commit. Empty lists mean all
   * of them.
   */
  public static List<DataFiles> dataset(
      String dataset, List<String> configs, List<String> splits, HubOptions options) throws IOException {
    HubClient client = new HubClient(HubSettings.from(options));
    HubPath named = HubPath.parse("hf://datasets/" + dataset + "/");
    JsonNode info = client.repoInfo(named);
    HubPath repo = pinned(named, info);
    Map<String, Map<String, List<String>>> declared =
        DatasetCard.dataFiles(info.path("cardData").path("configs"));
    if (declared.isEmpty()) {
      throw new IllegalArgumentException("dataset " + repo.repo + " declares no configs in its card; read its"
          + " files with --input=hf://datasets/" + repo.repo + "/PATH-OR-GLOB instead");
    }
    List<String> chosenConfigs = configs.isEmpty() ? List.copyOf(declared.keySet()) : configs;
    for (String config : chosenConfigs) {
      if (!declared.containsKey(config)) {
        throw new IllegalArgumentException("--configs: dataset " + repo.repo + " has no config '" + config
            + "'; it has " + String.join(", ", declared.keySet()));
      }
    }
    Set<String> splitsSeen = new LinkedHashSet<>();
    List<DataFiles> sources = new ArrayList<>();
    for (String config : chosenConfigs) {
      Map<String, List<String>> bySplit = declared.get(config);
      splitsSeen.addAll(bySplit.keySet());
      for (String split : splits.isEmpty() ? bySplit.keySet() : splits) {
        for (String pattern : bySplit.getOrDefault(split, List.of())) {
          sources.add(new DataFiles(repo.withPath(pattern).toString(), config, split));
        }
      }
    }
    for (String split : splits) {
      if (!splitsSeen.contains(split)) {
        throw new IllegalArgumentException("--splits: no config of " + repo.repo + " chosen here has a split '"
            + split + "'; they have " + String.join(", ", splitsSeen));
      }
    }
    HubFileSystem files = new HubFileSystem(client);
    for (DataFiles source : sources) {
      List<MatchResult.Metadata> matched = files.matchFiles(HubPath.parse(source.pattern()));
      if (matched.isEmpty()) {
        throw new IllegalArgumentException("dataset " + repo.repo + ": config " + source.config() + ", split "
            + source.split() + ": no file matches " + source.pattern());
      }
      checkReadable(client, matched.get(0));
    }
    return sources;
  }

  /** The path at the commit the repository's info names. */
  private static HubPath pinned(HubPath path, JsonNode info) {
    String sha = info.path("sha").asText("");
    return sha.isEmpty() ? path : path.withRevision(sha);
  }

  /** A HEAD of the file: gated and private datasets refuse it before any byte is read. */
  private static void checkReadable(HubClient client, MatchResult.Metadata file) throws IOException {
    HubClient.Response r = client.head(((HubResourceId) file.resourceId()).path());
    r.close();
  }

  /** The {@code configs} of a dataset card, as {@code datasets} reads them. */
  static final class DatasetCard {
    private DatasetCard() {}

    /** config → split → data file patterns, in the card's order. */
    static Map<String, Map<String, List<String>>> dataFiles(JsonNode configs) {
      Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
      for (JsonNode config : configs) {
        Map<String, List<String>> splits = new LinkedHashMap<>();
        JsonNode files = config.path("data_files");
        if (files.isTextual() || (files.isArray() && files.size() > 0 && files.get(0).isTextual())) {
          splits.put("train", patterns(files));
        } else if (files.isArray()) {
          for (JsonNode f : files) {
            splits.computeIfAbsent(f.path("split").asText("train"), s -> new ArrayList<>())
                .addAll(patterns(f.path("path")));
          }
        } else if (files.isObject()) {
          files.fields().forEachRemaining(e -> splits.put(e.getKey(), patterns(e.getValue())));
        }
        out.put(config.path("config_name").asText("default"), splits);
      }
      return out;
    }

    private static List<String> patterns(JsonNode node) {
      List<String> patterns = new ArrayList<>();
      if (node.isTextual()) {
        patterns.add(node.asText());
      } else {
        node.forEach(p -> patterns.add(p.asText()));
      }
      return patterns;
    }
  }
}
