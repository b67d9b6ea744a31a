package io.swetraces.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/**
 * Everything the tutorial prints in its STEPs 3–7, accumulated from analysis rows (so it can be
 * combined in parallel) and rendered as the figures of {@code summary.json}.
 */
public final class AnalysisStats {
  /** The columns of the tutorial's numeric summary, plus the SFT text's tokens. */
  public static final List<String> NUMERIC =
      List.of("n_messages", "n_assistant", "n_tool", "patch_files", "patch_churn", "traj_tokens",
          "sft_tokens");
  public static final List<Integer> PERCENTILES = List.of(50, 75, 90, 95, 99);
  public static final List<Long> WINDOWS = List.of(8_192L, 16_384L, 32_768L, 65_536L, 131_072L);
  /** The tutorial shows a language's resolution rate only with this many labelled rows. */
  public static final int MIN_LANGUAGE_ROWS = 25;
  public static final int TOP_TOOLS = 12;
  /** The tutorial's histograms: column, bins, and the quantile it clips at (1 = no clipping). */
  private record HistogramSpec(String column, int bins, double clipQuantile) {}

  /**
   * Which rows the scatter shows must not depend on where the files were read from (a local copy,
   * gs://, hf://): the key is the row's identity and its place in its file, by file name only.
   */
  private static String scatterKey(Row r) {
    String file = r.getString("source_file");
    return r.getString("trajectory_id") + "#" + r.getString("instance_id") + "#" + r.getString("agent") + "#"
        + r.getString("model") + "#" + file.substring(file.lastIndexOf('/') + 1) + "#" + r.getInt64("source_row");
  }

  private static final List<HistogramSpec> HISTOGRAMS =
      List.of(new HistogramSpec("n_messages", 40, 1.0), new HistogramSpec("patch_churn", 40, 0.97),
          new HistogramSpec("traj_tokens", 50, 0.99));
  /** Count descending, then name: value_counts() order with deterministic ties. */
  private static final Comparator<Map.Entry<String, Long>> BY_COUNT =
      Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  private long rows;
  private final Map<String, LongSample> numeric = new LinkedHashMap<>();
  private final Map<String, Long> languages = new TreeMap<>();
  /** [labelled rows, resolved rows] per language and per agent/model. */
  private final Map<String, long[]> labelsByLanguage = new TreeMap<>();
  private final Map<String, long[]> labelsByCombo = new TreeMap<>();
  /** [rows, tool turns] for unresolved (0) and resolved (1) labelled rows. */
  private final long[][] toolTurnsByOutcome = new long[2][2];
  private final Map<String, Long> tools = new TreeMap<>();
  private final Map<String, Long> keptByLanguage = new TreeMap<>();
  private final Map<String, Long> dropReasons = new TreeMap<>();
  /** Messages against tokens of labelled rows, for the scatter plot. */
  private final PointSample scatter = new PointSample();

  public AnalysisStats() {
    NUMERIC.forEach(c -> numeric.put(c, new LongSample()));
  }

  public void add(Row r) {
    rows++;
    for (String column : NUMERIC) {
      numeric.get(column).add(((Number) r.getValue(column)).longValue());
    }
    String language = r.getString("language");
    languages.merge(language, 1L, Long::sum);
    if (Boolean.TRUE.equals(r.getBoolean("known_label"))) {
      int resolved = Boolean.TRUE.equals(r.getBoolean("is_resolved")) ? 1 : 0;
      count(labelsByLanguage, language, resolved);
      count(labelsByCombo, r.getString("agent") + "\t" + r.getString("model"), resolved);
      toolTurnsByOutcome[resolved][0]++;
      toolTurnsByOutcome[resolved][1] += r.getInt32("n_tool");
      scatter.add(scatterKey(r), r.getInt32("n_messages"), r.getInt64("traj_tokens"), resolved == 1);
    }
    Json.parseObject(r.getString("tool_counts")).fields()
        .forEachRemaining(e -> tools.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    if (Boolean.TRUE.equals(r.getBoolean("sft_kept"))) {
      keptByLanguage.merge(language, 1L, Long::sum);
    } else {
      dropReasons.merge(r.getString("sft_drop_reason"), 1L, Long::sum);
    }
  }

  public AnalysisStats merge(AnalysisStats o) {
    rows += o.rows;
    o.numeric.forEach((c, s) -> numeric.get(c).addAll(s));
    o.languages.forEach((k, v) -> languages.merge(k, v, Long::sum));
    o.labelsByLanguage.forEach((k, v) -> mergePair(labelsByLanguage, k, v));
    o.labelsByCombo.forEach((k, v) -> mergePair(labelsByCombo, k, v));
    for (int i = 0; i < 2; i++) {
      toolTurnsByOutcome[i][0] += o.toolTurnsByOutcome[i][0];
      toolTurnsByOutcome[i][1] += o.toolTurnsByOutcome[i][1];
    }
    o.tools.forEach((k, v) -> tools.merge(k, v, Long::sum));
    o.keptByLanguage.forEach((k, v) -> keptByLanguage.merge(k, v, Long::sum));
    o.dropReasons.forEach((k, v) -> dropReasons.merge(k, v, Long::sum));
    scatter.addAll(o.scatter);
    return this;
  }

  /** The binary form {@link AnalysisStatsCoder} uses. */
  void writeTo(DataOutput out) throws IOException {
    out.writeLong(rows);
    for (String column : NUMERIC) {
      numeric.get(column).writeTo(out);
    }
    StatsIo.writeMap(out, languages, DataOutput::writeLong);
    StatsIo.writeMap(out, labelsByLanguage, AnalysisStats::writePair);
    StatsIo.writeMap(out, labelsByCombo, AnalysisStats::writePair);
    writePair(out, toolTurnsByOutcome[0]);
    writePair(out, toolTurnsByOutcome[1]);
    StatsIo.writeMap(out, tools, DataOutput::writeLong);
    StatsIo.writeMap(out, keptByLanguage, DataOutput::writeLong);
    StatsIo.writeMap(out, dropReasons, DataOutput::writeLong);
    scatter.writeTo(out);
  }

  static AnalysisStats readFrom(DataInput in) throws IOException {
    AnalysisStats s = new AnalysisStats();
    s.rows = in.readLong();
    for (String column : NUMERIC) {
      s.numeric.put(column, LongSample.readFrom(in));
    }
    StatsIo.readMap(in, s.languages, DataInput::readLong);
    StatsIo.readMap(in, s.labelsByLanguage, AnalysisStats::readPair);
    StatsIo.readMap(in, s.labelsByCombo, AnalysisStats::readPair);
    s.toolTurnsByOutcome[0] = readPair(in);
    s.toolTurnsByOutcome[1] = readPair(in);
    StatsIo.readMap(in, s.tools, DataInput::readLong);
    StatsIo.readMap(in, s.keptByLanguage, DataInput::readLong);
    StatsIo.readMap(in, s.dropReasons, DataInput::readLong);
    s.scatter.readFrom(in);
    return s;
  }

  private static void writePair(DataOutput out, long[] pair) throws IOException {
    out.writeLong(pair[0]);
    out.writeLong(pair[1]);
  }

  private static long[] readPair(DataInput in) throws IOException {
    return new long[] {in.readLong(), in.readLong()};
  }

  public long rows() {
    return rows;
  }

  public long kept() {
    return keptByLanguage.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> dropReasons() {
    return dropReasons;
  }

  /** The figures, as they go into {@code summary.json}. */
  public ObjectNode figures() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode summary = out.putObject("numeric_summary");
    numeric.forEach((column, s) -> summary.set(column, describe(s)));
    out.set("trajectories_per_language", ranked(languages, "language", "trajectories"));
    ArrayNode byLanguage = out.putArray("resolution_by_language");
    rates(labelsByLanguage).stream()
        .filter(e -> e.getValue()[0] >= MIN_LANGUAGE_ROWS)
        .forEach(e -> rate(byLanguage.addObject().put("language", e.getKey()), e.getValue()));
    ArrayNode byCombo = out.putArray("resolution_by_agent_model");
    labelsByCombo.forEach((key, v) -> {
      String[] am = key.split("\t", 2);
      rate(byCombo.addObject().put("agent", am[0]).put("model", am[1]), v);
    });
    LongSample tokens = numeric.get("traj_tokens");
    ObjectNode pct = out.putObject("traj_token_percentiles");
    for (int p : PERCENTILES) {
      pct.put("p" + p, tokens.size() == 0 ? 0 : (long) tokens.quantile(p / 100.0));
    }
    pct.put("max", tokens.max());
    ArrayNode fit = out.putArray("context_window_fit");
    for (long w : WINDOWS) {
      fit.addObject().put("window", w).put("fraction", nan0(tokens.fractionAtMost(w)));
    }
    ArrayNode top = out.putArray("top_tools");
    tools.entrySet().stream()
        .sorted(BY_COUNT)
        .limit(TOP_TOOLS)
        .forEach(e -> top.addObject().put("tool", e.getKey()).put("count", e.getValue()));
    ObjectNode turns = out.putObject("mean_tool_turns_by_outcome");
    String[] outcome = {"unresolved", "resolved"};
    for (int i = 0; i < 2; i++) {
      if (toolTurnsByOutcome[i][0] > 0) {
        turns.put(outcome[i], (double) toolTurnsByOutcome[i][1] / toolTurnsByOutcome[i][0]);
      }
    }
    out.set("sft_by_language", ranked(keptByLanguage, "language", "kept"));
    out.set("histograms", histograms());
    ObjectNode points = out.putObject("scatter_messages_tokens");
    points.put("labelled_rows", scatter.seen()).put("shown", scatter.size());
    ArrayNode xy = points.putArray("points");
    scatter.points().forEach(p -> xy.addArray().add(p[0]).add(p[1]).add(p[2] == 1));
    double error = numeric.values().stream().mapToDouble(LongSample::rankError).max().orElse(0);
    out.putObject("quantile_accuracy").put("exact", error == 0).put("rank_error", error)
        .put("exact_up_to_rows", LongSample.EXACT_LIMIT);
    return out;
  }

  /** The tutorial's histograms, each clipped at its quantile first, as numpy bins them. */
  private ObjectNode histograms() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    for (HistogramSpec h : HISTOGRAMS) {
      LongSample s = numeric.get(h.column());
      double clipQuantile = h.clipQuantile();
      double clip = clipQuantile < 1 && s.size() > 0 ? s.quantile(clipQuantile) : Double.POSITIVE_INFINITY;
      LongSample.Histogram hist = s.histogram(h.bins(), clip);
      ObjectNode node = out.putObject(h.column());
      if (clipQuantile < 1) {
        node.put("clip_quantile", clipQuantile).put("clipped_at", s.size() > 0 ? clip : 0);
      }
      ArrayNode edges = node.putArray("edges");
      Arrays.stream(hist.edges()).forEach(edges::add);
      ArrayNode counts = node.putArray("counts");
      Arrays.stream(hist.counts()).forEach(counts::add);
    }
    return out;
  }

  private static ObjectNode describe(LongSample s) {
    ObjectNode d = Json.MAPPER.createObjectNode();
    d.put("count", s.size());
    d.put("mean", nan0(s.mean()));
    d.put("std", nan0(s.std()));
    d.put("min", s.min());
    d.put("25%", nan0(s.quantile(0.25)));
    d.put("50%", nan0(s.quantile(0.5)));
    d.put("75%", nan0(s.quantile(0.75)));
    d.put("max", s.max());
    return d;
  }

  /** Counts by count descending, then name, as pandas' value_counts() shows them. */
  private static ArrayNode ranked(Map<String, Long> counts, String keyName, String valueName) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    counts.entrySet().stream()
        .sorted(BY_COUNT)
        .forEach(e -> out.addObject().put(keyName, e.getKey()).put(valueName, e.getValue()));
    return out;
  }

  private static List<Map.Entry<String, long[]>> rates(Map<String, long[]> labels) {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(labels.entrySet());
    entries.sort(
        Comparator.<Map.Entry<String, long[]>>comparingDouble(e -> -(double) e.getValue()[1] / e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    return entries;
  }

  private static void rate(ObjectNode node, long[] labels) {
    node.put("rate", (double) labels[1] / labels[0]).put("n", labels[0]);
  }

  private static void count(Map<String, long[]> labels, String key, int resolved) {
    long[] v = labels.computeIfAbsent(key, k -> new long[2]);
    v[0]++;
    v[1] += resolved;
  }

  private static void mergePair(Map<String, long[]> into, String key, long[] v) {
    long[] mine = into.computeIfAbsent(key, k -> new long[2]);
    mine[0] += v[0];
    mine[1] += v[1];
  }

  /** JSON has no NaN: an empty column's mean is reported as 0 (its count says it is empty). */
  private static double nan0(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
