package io.swetraces.pipeline;

import io.swetraces.io.Inputs;
import io.swetraces.io.OutputDir;
import io.swetraces.io.ReadTrajectories;
import io.swetraces.io.TraceSource;
import io.swetraces.io.WriteOutputs;
import io.swetraces.model.AnalysisRow;
import io.swetraces.model.Trajectory;
import io.swetraces.stats.RunSummary;
import io.swetraces.transforms.Analyse;
import io.swetraces.transforms.Curate;
import io.swetraces.transforms.Selection;
import io.swetraces.transforms.SftCriteria;
import io.swetraces.transforms.Tabulate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one swe-traces graph, {@link #build}: read → analyse → curate → tabulate → write → summarise.
 * {@link #run} is what main, the tests and the Flex Template all call.
 */
public final class SweTracesPipeline {
  private SweTracesPipeline() {}

  /** Resolves the inputs, prepares the output directory, builds the graph and starts it. */
  public static PipelineResult run(SweTracesOptions options) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    RunnerTuning.resolveReads(options);
    List<TraceSource> sources =
        Inputs.resolve(options.getInput(), options.getDataset(), list(options.getConfigs()),
            list(options.getSplits()), options);
    OutputDir out = OutputDir.at(options.getOutput());
    out.prepare(options.getOverwrite());
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, sources, out);
    return pipeline.run();
  }

  static void build(Pipeline p, SweTracesOptions o, List<TraceSource> sources, OutputDir out) {
    // 1. Read: every input row becomes a trajectory or a reject with its reason.
    ReadTrajectories.Result read = p.apply("Read", ReadTrajectories.from(sources)
        .withMaxRowBytes((long) o.getMaxRowMegabytes() << 20)
        .withConcurrentReads(o.getConcurrentReads())
        .withSplittableReads(o.getSplittableReads())
        .withAgent(o.getAgent())
        .withModel(o.getModel())
        .withFirstRowsPerPair(o.getLimitPerCombo()));
    // 2. Analyse: each trajectory's tool uses, final patch and token counts.
    PCollection<Trajectory> analysed =
        read.trajectories().apply("Analyse", Analyse.trajectories().withPatchCounting(o.getPatchCounting()));
    // 3. Curate: the SFT training set, and every other trajectory with the reason it was dropped.
    Selection curated = analysed.apply("Curate", Curate.trainingExamples().withCriteria(criteria(o)));
    // 4. Tabulate: one analysis row per trajectory, kept or dropped.
    PCollection<AnalysisRow> rows =
        PCollectionList.of(curated.kept()).and(curated.dropped()).apply("Tabulate", Tabulate.analysisRows());
    // 5. Write: the analysis table, the SFT set and the rejects.
    PCollection<String> written = WriteOutputs.of(rows, curated.kept(), read.rejects())
        .apply("Write", WriteOutputs.to(out).withNumShards(o.getNumShards()));
    // 6. Summarise: the run's figures, then the report, then summary.json last.
    Summarise.of(rows, read, written).apply("Summarise", Summarise.into(out, settings(o)));
  }

  /** Reads back the summary a finished run wrote. */
  public static RunSummary readSummary(OutputOptions options) throws IOException {
    var resource = FileSystems.matchSingleFileSpec(OutputDir.at(options.getOutput()).path(OutputDir.SUMMARY));
    try (InputStream in = Channels.newInputStream(FileSystems.open(resource.resourceId()))) {
      return RunSummary.fromJson(in);
    }
  }

  /** The SFT criteria the options ask for. */
  static SftCriteria criteria(SftOptions o) {
    Set<String> languages =
        o.getLanguages() == null || o.getLanguages().isBlank()
            ? null
            : Arrays.stream(o.getLanguages().split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    return SftCriteria.defaults()
        .withRequireResolved(o.getRequireResolved())
        .withMaxTokens(o.getMaxSftTokens())
        .withBudgetOn(o.getBudgetOn())
        .withLanguages(languages);
  }

  private static RunSummary.Settings settings(SweTracesOptions o) {
    boolean dataset = o.getDataset() != null && !o.getDataset().isBlank();
    return new RunSummary.Settings(
        dataset ? null : o.getInput(),
        dataset ? o.getDataset().trim() : null,
        dataset ? String.join(",", list(o.getConfigs())) : null,
        dataset ? String.join(",", list(o.getSplits())) : null,
        o.getRunner().getSimpleName(),
        o.getAgent(),
        o.getModel(),
        o.getLimitPerCombo(),
        o.getPatchCounting().name(),
        criteria(o).toString());
  }

  private static List<String> list(@Nullable List<String> values) {
    return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
