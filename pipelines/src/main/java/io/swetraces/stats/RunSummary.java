package io.swetraces.stats;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.swetraces.transforms.SftCriteria;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a run found, as {@code summary.json} holds it and as the console tables and the report show
 * it: the counts that prove every row was accounted for, the SFT funnel, the run's settings and the
 * tutorial's figures. The JSON names are those of the components, in snake case, in this order.
 */
public record RunSummary(
    Counts counts,
    Settings settings,
    SpecialTokenText specialTokenText,
    Map<String, Describe> numericSummary,
    List<LanguageCount> trajectoriesPerLanguage,
    List<LanguageRate> resolutionByLanguage,
    List<PairRate> resolutionByAgentModel,
    Map<String, Long> trajTokenPercentiles,
    List<WindowFit> contextWindowFit,
    List<ToolCount> topTools,
    Map<String, Double> meanToolTurnsByOutcome,
    List<LanguageKept> sftByLanguage,
    Map<String, Histogram> histograms,
    Scatter scatterMessagesTokens,
    QuantileAccuracy quantileAccuracy,
    Inputs inputs,
    Map<String, Long> integrity,
    Map<String, List<String>> integrityExamples)
    implements Serializable {

  /** A summary written before a section existed reads back with that section empty. */
  public RunSummary {
    inputs = inputs == null ? Inputs.NONE : inputs;
    integrity = integrity == null ? Map.of() : integrity;
    integrityExamples = integrityExamples == null ? Map.of() : integrityExamples;
  }

  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .build();

  /** Rows read = analysed + rejected + sampled out, checked in {@code accounted_for}. */
  public record Counts(
      long rowsRead,
      long analysed,
      long rejected,
      long sampledOut,
      boolean accountedFor,
      Map<String, Long> rejectedByReason,
      long sftKept,
      Map<String, Long> sftDropped)
      implements Serializable {}

  /**
   * What the inputs held besides rows: files that hold no trajectory (run logs, configs, indexes),
   * where the labels come from (per {@code label_source}), and trajectories whose run's evaluation
   * files disagree on their label.
   */
  public record Inputs(long notTrajectoryFiles, Map<String, Long> labelSources, long labelConflicts)
      implements Serializable {
    static final Inputs NONE = new Inputs(0, Map.of(), 0);

    public Inputs {
      labelSources = Collections.unmodifiableMap(new TreeMap<>(labelSources)); // sorted: summary.json's order
    }
  }

  /** This summary with what its inputs held besides rows. */
  public RunSummary withInputs(Inputs facts) {
    return new RunSummary(counts, settings, specialTokenText, numericSummary, trajectoriesPerLanguage,
        resolutionByLanguage, resolutionByAgentModel, trajTokenPercentiles, contextWindowFit, topTools,
        meanToolTurnsByOutcome, sftByLanguage, histograms, scatterMessagesTokens, quantileAccuracy,
        facts, integrity, integrityExamples);
  }

  /**
   * This summary with what the integrity stages found, by kind: {@code secret:<rule>} (values
   * replaced), {@code contaminated:<benchmark>:<match>}, {@code broken_tool_call:<problem>},
   * {@code duplicate} (rows another one stands in for); and, for each kind, the first few
   * trajectory ids (by id) of the rows it was found in.
   */
  public RunSummary withIntegrity(Map<String, Long> findings, Map<String, List<String>> examples) {
    return new RunSummary(counts, settings, specialTokenText, numericSummary, trajectoriesPerLanguage,
        resolutionByLanguage, resolutionByAgentModel, trajTokenPercentiles, contextWindowFit, topTools,
        meanToolTurnsByOutcome, sftByLanguage, histograms, scatterMessagesTokens, quantileAccuracy,
        inputs, Collections.unmodifiableMap(new TreeMap<>(findings)),
        Collections.unmodifiableMap(new TreeMap<>(examples)));
  }

  /** The options that shaped the run's figures, as text. */
  @JsonPropertyOrder(alphabetic = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Settings(
      @Nullable String input,
      @Nullable String dataset,
      @Nullable String configs,
      @Nullable String splits,
      String runner,
      @Nullable String agentOverride,
      @Nullable String modelOverride,
      @JsonFormat(shape = JsonFormat.Shape.STRING) int limitPerCombo,
      String patchCounting,
      String sftCriteria,
      String curation,
      @Nullable String tokenizer,
      String training)
      implements Serializable {
    /** The settings as {@code summary.json} names and orders them. */
    public Map<String, String> entries() {
      return JSON.convertValue(this, new TypeReference<LinkedHashMap<String, String>>() {});
    }
  }

  /**
   * Rows whose conversation holds special tokens (ChatML's turn markers, cl100k's) written as text,
   * and how many: a chat template that renders them raw makes turns that are not turns.
   */
  public record SpecialTokenText(long rows, long occurrences) implements Serializable {}

  /** pandas' {@code describe()} of one column. */
  @JsonPropertyOrder({"count", "mean", "std", "min", "25%", "50%", "75%", "max"})
  public record Describe(
      long count,
      double mean,
      double std,
      long min,
      @JsonProperty("25%") double p25,
      @JsonProperty("50%") double p50,
      @JsonProperty("75%") double p75,
      long max)
      implements Serializable {}

  public record LanguageCount(String language, long trajectories) implements Serializable {}

  public record LanguageRate(String language, double rate, long n) implements Serializable {}

  public record PairRate(String agent, String model, double rate, long n) implements Serializable {}

  public record WindowFit(long window, double fraction) implements Serializable {}

  public record ToolCount(String tool, long count) implements Serializable {}

  public record LanguageKept(String language, long kept) implements Serializable {}

  /** numpy's bins of a column, clipped at a quantile first where {@code clipQuantile} is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Histogram(
      @Nullable Double clipQuantile, @Nullable Double clippedAt, List<Double> edges, List<Long> counts)
      implements Serializable {}

  /** A fixed sample of the labelled rows: messages against tokens, by outcome. */
  public record Scatter(long labelledRows, long shown, List<Point> points) implements Serializable {}

  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"messages", "tokens", "resolved"})
  public record Point(long messages, long tokens, boolean resolved) implements Serializable {}

  /** Whether quantiles are exact, and the rank error of the sketch when they are not. */
  public record QuantileAccuracy(boolean exact, double rankError, long exactUpToRows) implements Serializable {}

  /**
   * The summary of a run: its analysis statistics, the rows it read, sampled out and rejected (by
   * reason), and its settings.
   */
  public static RunSummary of(AnalysisStats stats, long rowsRead, long sampledOut, Map<String, Long> rejectsByReason,
      Settings settings) {
    long rejected = rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> dropped = new LinkedHashMap<>();
    for (String reason : SftCriteria.REASONS) {
      dropped.put(reason, stats.dropReasons().getOrDefault(reason, 0L));
    }
    Counts counts = new Counts(rowsRead, stats.rows(), rejected, sampledOut,
        stats.rows() + rejected + sampledOut == rowsRead, new TreeMap<>(rejectsByReason), stats.kept(), dropped);
    return new RunSummary(counts, settings, stats.specialTokenText(), stats.numericSummary(), stats.trajectoriesPerLanguage(),
        stats.resolutionByLanguage(), stats.resolutionByAgentModel(), stats.trajTokenPercentiles(),
        stats.contextWindowFit(), stats.topTools(), stats.meanToolTurnsByOutcome(), stats.sftByLanguage(),
        stats.histograms(), stats.scatterMessagesTokens(), stats.quantileAccuracy(), Inputs.NONE, Map.of(),
        Map.of());
  }

  /** {@code summary.json}'s text. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads back what {@link #toJson} wrote. */
  public static RunSummary fromJson(InputStream json) throws IOException {
    return JSON.readValue(json, RunSummary.class);
  }
}
