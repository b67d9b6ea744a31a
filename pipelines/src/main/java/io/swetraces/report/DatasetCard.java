package io.swetraces.report;

import io.swetraces.chat.SftFormat;
import io.swetraces.stats.RunSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The output folder's dataset card, {@code README.md}: YAML {@code configs} naming the Parquet
 * shards of each exported format (the first is the default) and of the analysis table, those that
 * hold rows, so {@code datasets.load_dataset(DIR)} reads the folder and the Hub shows it as it is;
 * then the counts, each config's columns, the rows' licences and the run's settings.
 */
public final class DatasetCard {
  /** The licence column's value for rows that name none. */
  static final String UNKNOWN = "unknown";

  private DatasetCard() {}

  /**
   * @param licenses the training examples per licence of their repository ({@link #UNKNOWN} for none)
   */
  public static String render(RunSummary summary, List<SftFormat> formats, Map<String, Long> licenses) {
    StringBuilder card = new StringBuilder("---\n");
    card.append("license: ").append(license(licenses)).append('\n');
    card.append("tags:\n- swe-traces\n- agent-trajectories\n- sft\n");
    RunSummary.Counts counts = summary.counts();
    // A sharded write of nothing leaves no file, and a config must name files.
    List<SftFormat> written = counts.sftKept() > 0 ? formats : List.of();
    boolean analysis = counts.analysed() > 0;
    if (!written.isEmpty() || analysis) {
      card.append("configs:\n");
    }
    for (int i = 0; i < written.size(); i++) {
      config(card, written.get(i).folder(), "sft/" + written.get(i).folder(), i == 0);
    }
    if (analysis) {
      config(card, "analysis", "analysis", written.isEmpty());
    }
    card.append("---\n\n# Agent trajectories prepared for supervised fine-tuning\n\n");
    card.append(String.format(Locale.ROOT, "%,d training examples, kept from %,d trajectories analysed "
        + "(%,d rows read, %,d rejected with a reason in `rejects/`).%n%n",
        counts.sftKept(), counts.analysed(), counts.rowsRead(), counts.rejected()));
    card.append("| config | rows | columns |\n|---|---|---|\n");
    for (SftFormat format : formats) {
      card.append("| `").append(format.folder()).append("` | ").append(counts.sftKept()).append(" | ")
          .append(columns(format)).append(" |\n");
    }
    card.append("| `analysis` | ").append(counts.analysed())
        .append(" | one row per trajectory, kept or dropped, with `sft_drop_reason` |\n\n");
    card.append("Every training-example config also has `trajectory_id`, `instance_id`, `repo`, `language`, "
        + "`license`, `agent`, `model`, `resolved`, `sft_tokens` and `assistant_tokens`.\n\n");
    card.append("```python\nfrom datasets import load_dataset\nds = load_dataset(\"<this folder or repo>\"")
        .append(written.isEmpty() ? "" : ", \"" + written.get(0).folder() + "\"").append(")\n```\n\n");
    card.append("## Licences\n\nThe repositories the trajectories worked in, as the rows name them:\n\n");
    card.append("| licence | examples |\n|---|---|\n");
    new TreeMap<>(licenses).forEach((license, n) -> card.append("| ").append(license).append(" | ").append(n)
        .append(" |\n"));
    card.append("\n## Settings\n\n| setting | value |\n|---|---|\n");
    summary.settings().entries().forEach((k, v) -> {
      if (v != null) {
        card.append("| ").append(k).append(" | `").append(v.replace("|", "\\|")).append("` |\n");
      }
    });
    return card.toString();
  }

  private static void config(StringBuilder card, String name, String folder, boolean isDefault) {
    card.append("- config_name: ").append(name).append('\n')
        .append("  data_files:\n  - split: train\n    path: ").append(folder).append("/*.parquet\n");
    if (isDefault) {
      card.append("  default: true\n");
    }
  }

  private static String columns(SftFormat format) {
    return switch (format) {
      case OPENAI -> "`messages` (role, content, reasoning_content, tool_calls with `arguments` as JSON strings, "
          + "tool_call_id, name, `train`), `tools` (JSON string)";
      case SHAREGPT -> "`conversations` (from: human, gpt, function_call, observation; value), `system`, "
          + "`tools` (JSON string)";
      case TEXT -> "`text` (the chat template's rendering)";
    };
  }

  /** One licence all examples share, in the Hub's lower case; else {@code other}. */
  private static String license(Map<String, Long> licenses) {
    return licenses.size() == 1 && !licenses.containsKey(UNKNOWN)
        ? licenses.keySet().iterator().next().toLowerCase(Locale.ROOT) : "other";
  }
}
