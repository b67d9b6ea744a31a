package io.swetraces.stats;

import io.swetraces.model.AgentModel;
import io.swetraces.model.AnalysisRow;
import io.swetraces.stats.RunSummary.Describe;
import io.swetraces.stats.RunSummary.Histogram;
import io.swetraces.stats.RunSummary.LanguageCount;
import io.swetraces.stats.RunSummary.LanguageKept;
import io.swetraces.stats.RunSummary.LanguageRate;
import io.swetraces.stats.RunSummary.PairRate;
import io.swetraces.stats.RunSummary.Point;
import io.swetraces.stats.RunSummary.QuantileAccuracy;
import io.swetraces.stats.RunSummary.Scatter;
import io.swetraces.stats.RunSummary.ToolCount;
import io.swetraces.stats.RunSummary.WindowFit;
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
import java.util.function.ToLongFunction;

/**
 * Everything the tutorial prints in its STEPs 3–7, accumulated from analysis rows (so it can be
 * combined in parallel) and rendered as the figures of {@code summary.json}.
 */
public final class AnalysisStats {
  /** A numeric column of the tutorial's summary: its name there and its value in a row. */
  public record Column(String name, ToLongFunction<AnalysisRow> value) {}

  public static final Column MESSAGES = new Column("n_messages", AnalysisRow::getMessages);
  public static final Column PATCH_CHURN = new Column("patch_churn", AnalysisRow::patchChurn);
  public static final Column TRAJ_TOKENS = new Column("traj_tokens", AnalysisRow::getTrajTokens);
  /** The columns of the tutorial's numeric summary, plus the SFT text's tokens. */
  public static final List<Column> NUMERIC =
      List.of(MESSAGES, new Column("n_assistant", AnalysisRow::getAssistantMessages),
          new Column("n_tool", AnalysisRow::getToolMessages), new Column("patch_files", AnalysisRow::getPatchFiles),
          PATCH_CHURN, TRAJ_TOKENS, new Column("sft_tokens", AnalysisRow::getSftTokens));
  public static final List<Integer> PERCENTILES = List.of(50, 75, 90, 95, 99);
  public static final List<Long> WINDOWS = List.of(8_192L, 16_384L, 32_768L, 65_536L, 131_072L);
  /** The tutorial shows a language's resolution rate only with this many labelled rows. */
  public static final int MIN_LANGUAGE_ROWS = 25;
  public static final int TOP_TOOLS = 12;
  /** The tutorial's histograms: column, bins, and the quantile it clips at (1 = no clipping). */
  private record HistogramSpec(Column column, int bins, double clipQuantile) {}

  private static final List<HistogramSpec> HISTOGRAMS =
      List.of(new HistogramSpec(MESSAGES, 40, 1.0), new HistogramSpec(PATCH_CHURN, 40, 0.97),
          new HistogramSpec(TRAJ_TOKENS, 50, 0.99));
  /** Count descending, then name: value_counts() order with deterministic ties. */
  private static final Comparator<Map.Entry<String, Long>> BY_COUNT =
      Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  /**
   * Which rows the scatter shows must not depend on where the files were read from (a local copy,
   * gs://, hf://): the key is the row's identity and its place in its file, by file name only.
   */
  private static String scatterKey(AnalysisRow r) {
    String file = r.getSourceFile();
    return r.getTrajectoryId() + "#" + r.getInstanceId() + "#" + r.getAgent() + "#" + r.getModel() + "#"
        + file.substring(file.lastIndexOf('/') + 1) + "#" + r.getSourceRow();
  }

  private long rows;
  /** Rows holding special-token text, and how many such texts they hold. */
  private long specialTokenRows;
  private long specialTokenTexts;
  private final Map<String, LongSample> numeric = new LinkedHashMap<>();
  private final Map<String, Long> languages = new TreeMap<>();
  /** [labelled rows, resolved rows] per language and per agent/model. */
  private final Map<String, long[]> labelsByLanguage = new TreeMap<>();
  private final Map<AgentModel, long[]> labelsByPair = new TreeMap<>();
  /** [rows, tool turns] for unresolved (0) and resolved (1) labelled rows. */
  private final long[][] toolTurnsByOutcome = new long[2][2];
  private final Map<String, Long> tools = new TreeMap<>();
  private final Map<String, Long> keptByLanguage = new TreeMap<>();
  private final Map<String, Long> dropReasons = new TreeMap<>();
  /** Messages against tokens of labelled rows, for the scatter plot. */
  private final PointSample scatter = new PointSample();

  public AnalysisStats() {
    NUMERIC.forEach(c -> numeric.put(c.name(), new LongSample()));
  }

  public void add(AnalysisRow r) {
    rows++;
    if (r.getSpecialTokenTexts() > 0) {
      specialTokenRows++;
      specialTokenTexts += r.getSpecialTokenTexts();
    }
    for (Column column : NUMERIC) {
      numeric.get(column.name()).add(column.value().applyAsLong(r));
    }
    String language = r.getLanguage();
    languages.merge(language, 1L, Long::sum);
    if (r.hasLabel()) {
      int resolved = r.wasResolved() ? 1 : 0;
      count(labelsByLanguage, language, resolved);
      count(labelsByPair, r.agentModel(), resolved);
      toolTurnsByOutcome[resolved][0]++;
      toolTurnsByOutcome[resolved][1] += r.getToolMessages();
      scatter.add(scatterKey(r), r.getMessages(), r.getTrajTokens(), resolved == 1);
    }
    r.getToolCounts().forEach((tool, uses) -> tools.merge(tool, uses, Long::sum));
    if (r.sftKept()) {
      keptByLanguage.merge(language, 1L, Long::sum);
    } else {
      dropReasons.merge(r.getSftDropReason(), 1L, Long::sum);
    }
  }

  public AnalysisStats merge(AnalysisStats o) {
    rows += o.rows;
    specialTokenRows += o.specialTokenRows;
    specialTokenTexts += o.specialTokenTexts;
    o.numeric.forEach((c, s) -> numeric.get(c).addAll(s));
    o.languages.forEach((k, v) -> languages.merge(k, v, Long::sum));
    o.labelsByLanguage.forEach((k, v) -> mergePair(labelsByLanguage, k, v));
    o.labelsByPair.forEach((k, v) -> mergePair(labelsByPair, k, v));
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
    out.writeLong(specialTokenRows);
    out.writeLong(specialTokenTexts);
    for (Column column : NUMERIC) {
      numeric.get(column.name()).writeTo(out);
    }
    StatsIo.writeMap(out, languages, DataOutput::writeLong);
    StatsIo.writeMap(out, labelsByLanguage, AnalysisStats::writePair);
    StatsIo.writeMap(out, labelsByPair, AnalysisStats::writeAgentModel, AnalysisStats::writePair);
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
    s.specialTokenRows = in.readLong();
    s.specialTokenTexts = in.readLong();
    for (Column column : NUMERIC) {
      s.numeric.put(column.name(), LongSample.readFrom(in));
    }
    StatsIo.readMap(in, s.languages, DataInput::readLong);
    StatsIo.readMap(in, s.labelsByLanguage, AnalysisStats::readPair);
    StatsIo.readMap(in, s.labelsByPair, AnalysisStats::readAgentModel, AnalysisStats::readPair);
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

  private static void writeAgentModel(DataOutput out, AgentModel pair) throws IOException {
    StatsIo.writeString(out, pair.getAgent());
    StatsIo.writeString(out, pair.getModel());
  }

  private static AgentModel readAgentModel(DataInput in) throws IOException {
    return AgentModel.of(StatsIo.readString(in), StatsIo.readString(in));
  }

  public long rows() {
    return rows;
  }

  /** Rows with special tokens written as text in them, and how many such texts in all. */
  public RunSummary.SpecialTokenText specialTokenText() {
    return new RunSummary.SpecialTokenText(specialTokenRows, specialTokenTexts);
  }

  public long kept() {
    return keptByLanguage.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> dropReasons() {
    return dropReasons;
  }

  public Map<String, Describe> numericSummary() {
    Map<String, Describe> out = new LinkedHashMap<>();
    numeric.forEach((column, s) -> out.put(column, describe(s)));
    return out;
  }

  public List<LanguageCount> trajectoriesPerLanguage() {
    return ranked(languages).stream().map(e -> new LanguageCount(e.getKey(), e.getValue())).toList();
  }

  /** Languages with at least {@link #MIN_LANGUAGE_ROWS} labelled rows, highest rate first. */
  public List<LanguageRate> resolutionByLanguage() {
    return rates(labelsByLanguage).stream()
        .filter(e -> e.getValue()[0] >= MIN_LANGUAGE_ROWS)
        .map(e -> new LanguageRate(e.getKey(), rate(e.getValue()), e.getValue()[0]))
        .toList();
  }

  public List<PairRate> resolutionByAgentModel() {
    List<PairRate> out = new ArrayList<>();
    labelsByPair.forEach((pair, v) -> out.add(new PairRate(pair.getAgent(), pair.getModel(), rate(v), v[0])));
    return out;
  }

  public Map<String, Long> trajTokenPercentiles() {
    LongSample tokens = numeric.get(TRAJ_TOKENS.name());
    Map<String, Long> out = new LinkedHashMap<>();
    for (int p : PERCENTILES) {
      out.put("p" + p, tokens.size() == 0 ? 0 : (long) tokens.quantile(p / 100.0));
    }
    out.put("max", tokens.max());
    return out;
  }

  public List<WindowFit> contextWindowFit() {
    LongSample tokens = numeric.get(TRAJ_TOKENS.name());
    return WINDOWS.stream().map(w -> new WindowFit(w, nan0(tokens.fractionAtMost(w)))).toList();
  }

  public List<ToolCount> topTools() {
    return ranked(tools).stream().limit(TOP_TOOLS).map(e -> new ToolCount(e.getKey(), e.getValue())).toList();
  }

  /** Mean tool turns of labelled rows, by outcome, for the outcomes that have rows. */
  public Map<String, Double> meanToolTurnsByOutcome() {
    Map<String, Double> turns = new LinkedHashMap<>();
    String[] outcome = {"unresolved", "resolved"};
    for (int i = 0; i < 2; i++) {
      if (toolTurnsByOutcome[i][0] > 0) {
        turns.put(outcome[i], (double) toolTurnsByOutcome[i][1] / toolTurnsByOutcome[i][0]);
      }
    }
    return turns;
  }

  public List<LanguageKept> sftByLanguage() {
    return ranked(keptByLanguage).stream().map(e -> new LanguageKept(e.getKey(), e.getValue())).toList();
  }

  /** The tutorial's histograms, each clipped at its quantile first, as numpy bins them. */
  public Map<String, Histogram> histograms() {
    Map<String, Histogram> out = new LinkedHashMap<>();
    for (HistogramSpec h : HISTOGRAMS) {
      LongSample s = numeric.get(h.column().name());
      double clipQuantile = h.clipQuantile();
      boolean clipped = clipQuantile < 1;
      double clip = clipped && s.size() > 0 ? s.quantile(clipQuantile) : Double.POSITIVE_INFINITY;
      LongSample.Histogram hist = s.histogram(h.bins(), clip);
      out.put(h.column().name(), new Histogram(
          clipped ? clipQuantile : null, clipped ? (s.size() > 0 ? clip : 0) : null,
          Arrays.stream(hist.edges()).boxed().toList(), Arrays.stream(hist.counts()).boxed().toList()));
    }
    return out;
  }

  public Scatter scatterMessagesTokens() {
    List<Point> points = new ArrayList<>();
    scatter.points().forEach(p -> points.add(new Point(p[0], p[1], p[2] == 1)));
    return new Scatter(scatter.seen(), scatter.size(), points);
  }

  public QuantileAccuracy quantileAccuracy() {
    double error = numeric.values().stream().mapToDouble(LongSample::rankError).max().orElse(0);
    return new QuantileAccuracy(error == 0, error, LongSample.EXACT_LIMIT);
  }

  private static Describe describe(LongSample s) {
    return new Describe(s.size(), nan0(s.mean()), nan0(s.std()), s.min(), nan0(s.quantile(0.25)),
        nan0(s.quantile(0.5)), nan0(s.quantile(0.75)), s.max());
  }

  /** Counts by count descending, then name, as pandas' value_counts() shows them. */
  private static List<Map.Entry<String, Long>> ranked(Map<String, Long> counts) {
    return counts.entrySet().stream().sorted(BY_COUNT).toList();
  }

  private static List<Map.Entry<String, long[]>> rates(Map<String, long[]> labels) {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(labels.entrySet());
    entries.sort(
        Comparator.<Map.Entry<String, long[]>>comparingDouble(e -> -(double) e.getValue()[1] / e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    return entries;
  }

  private static double rate(long[] labels) {
    return (double) labels[1] / labels[0];
  }

  private static <K> void count(Map<K, long[]> labels, K key, int resolved) {
    long[] v = labels.computeIfAbsent(key, k -> new long[2]);
    v[0]++;
    v[1] += resolved;
  }

  private static <K> void mergePair(Map<K, long[]> into, K key, long[] v) {
    long[] mine = into.computeIfAbsent(key, k -> new long[2]);
    mine[0] += v[0];
    mine[1] += v[1];
  }

  /** JSON has no NaN: an empty column's mean is reported as 0 (its count says it is empty). */
  private static double nan0(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
