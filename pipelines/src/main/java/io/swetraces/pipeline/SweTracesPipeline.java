package io.swetraces.pipeline;

import io.swetraces.chat.LossMask;
import io.swetraces.chat.SftFormat;
import io.swetraces.chat.StudentModel;
import io.swetraces.hub.Hub;
import io.swetraces.hub.HubOptions;
import io.swetraces.io.Inputs;
import io.swetraces.io.OutputDir;
import io.swetraces.io.ReadBenchmarkTasks;
import io.swetraces.io.ReadTrajectories;
import io.swetraces.io.TraceSource;
import io.swetraces.io.WriteOutputs;
import io.swetraces.model.AnalysisRow;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.report.WriteExamples;
import io.swetraces.stats.RunSummary;
import io.swetraces.transforms.Analyse;
import io.swetraces.transforms.CountTokens;
import io.swetraces.transforms.Curate;
import io.swetraces.transforms.CurationMode;
import io.swetraces.transforms.RedactSecrets;
import io.swetraces.transforms.Selection;
import io.swetraces.transforms.SftCriteria;
import io.swetraces.transforms.Tabulate;
import io.swetraces.transforms.TokenBudget;
import io.swetraces.transforms.WithRejects;
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
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one swe-traces graph, {@link #build}: read → analyse → curate → tabulate → write → summarise.
 * {@link #run} is what main, the tests and the Flex Template all call.
 */
public final class SweTracesPipeline {
  private SweTracesPipeline() {}

  /**
   * Checks the options, resolves the inputs, claims the output directory, builds the graph and
   * starts it. Every refusal is an IllegalArgumentException thrown before anything is written.
   */
  public static PipelineResult run(SweTracesOptions options) throws IOException {
    Options.check(options);
    Options.applyPreset(options);
    FileSystems.setDefaultPipelineOptions(options);
    RunnerTuning.resolveReads(options);
    pinTokenizer(options);
    StudentModel student = student(options);
    if (student != null) {
      student.check();
    }
    List<TraceSource> sources =
        Inputs.resolve(options.getInput(), options.getDataset(), list(options.getConfigs()),
            list(options.getSplits()), options);
    OutputDir out = OutputDir.at(options.getOutput());
    out.claim(options.getOverwrite(), sources.stream().map(TraceSource::getPattern).toList());
    ProgressReporter progress = RunnerTuning.mayRunInThisProcess(options)
        ? ProgressReporter.start(options.as(ConsoleOptions.class), () -> Inputs.measure(sources), System.err)
        : null;
    PipelineResult result = null;
    try {
      Pipeline pipeline = Pipeline.create(options);
      build(pipeline, options, sources, out);
      result = pipeline.run();
      return result;
    } catch (RuntimeException | Error e) {
      out.release(); // a run that failed to start, or (on runners that block) failed, holds nothing
      throw e;
    } finally {
      if (progress != null) {
        // Runners that run the job here return once it is over; the others, at once.
        progress.stop(result != null && result.getState() == PipelineResult.State.DONE);
      }
    }
  }

  static void build(Pipeline p, SweTracesOptions o, List<TraceSource> sources, OutputDir out) {
    // 1. Read: every input row becomes a trajectory or a reject with its reason.
    ReadTrajectories.Result read = p.apply("Read", ReadTrajectories.from(sources)
        .withMaxRowBytes((long) o.getMaxRowMegabytes() << 20)
        .withConcurrentReads(o.getConcurrentReads())
        .withSplittableReads(o.getSplittableReads())
        .withAgent(o.getAgent())
        .withModel(o.getModel())
        .withRecordFormat(o.getFormat())
        .withLabels(givenFiles("--labelFiles", o.getLabelFiles(), o))
        .withFirstRowsPerPair(o.getLimitPerCombo()));
    // 2. Redact: secrets replaced by typed placeholders before anything is counted or written.
    WithRejects<Trajectory> redacted =
        read.trajectories().apply("RedactSecrets", RedactSecrets.inTrajectories().withMode(o.getSecrets()));
    // 3. Analyse: each trajectory's tool uses, final patch and token counts.
    WithRejects<Trajectory> analysed =
        redacted.output().apply("Analyse",
            Analyse.trajectories().withPatchCounting(o.getPatchCounting())
                .withTokenCounting(CountTokens.cl100k().withStudent(student(o)).withShorteningTo(shortenTo(o))
                    .withLossMask(lossMask(o))));
    // 4. Curate: the SFT training set, and every other trajectory with the reason it was dropped.
    Selection curated = analysed.output().apply("Curate", curation(p, o));
    // 5. Tabulate: one analysis row per trajectory, kept or dropped; and every step's rejects, secrets redacted.
    PCollection<AnalysisRow> rows =
        PCollectionList.of(curated.kept()).and(curated.dropped()).apply("Tabulate", Tabulate.analysisRows());
    PCollection<Reject> rejects = PCollectionList.of(read.rejects()).and(redacted.rejects()).and(analysed.rejects())
        .and(curated.rejects())
        .apply("AllRejects", Flatten.pCollections())
        .apply("RedactRejects", RedactSecrets.inRejects().withMode(o.getSecrets()));
    // 6. Write: the analysis table, the SFT set and the rejects; and a page of examples of each group.
    PCollection<String> written = PCollectionList
        .of(WriteOutputs.of(rows, curated.kept(), rejects)
            .apply("Write", WriteOutputs.to(out).withNumShards(o.getNumShards()).withStudent(student(o))
                .withLossMask(lossMask(o)).withFormats(formats(o))))
        .and(PCollectionList.of(curated.kept()).and(curated.dropped())
            .apply("WriteExamples", WriteExamples.to(out.path(OutputDir.REPORT))))
        .apply("AllWritten", Flatten.pCollections());
    // 7. Summarise: the run's figures, then the report, then summary.json last.
    Summarise.of(rows, rejects, read, written).apply("Summarise", Summarise.into(out, settings(o), formats(o)));
  }

  /** The budget tool outputs are cut to fit, or 0 for examples over it to be dropped whole. */
  private static long shortenTo(SweTracesOptions o) {
    return o.getOverBudget() == SftOptions.OverBudget.SHORTEN && o.getBudgetOn() == TokenBudget.SFT_TOKENS
        ? o.getMaxSftTokens() : 0;
  }

  private static LossMask lossMask(TrainingOptions o) {
    return new LossMask(o.getTrainOn(), o.getReasoning());
  }

  /** The export formats asked for, each once, in the order given. */
  private static List<SftFormat> formats(TrainingOptions o) {
    return o.getSftFormat() == null ? List.of() : o.getSftFormat().stream().distinct().toList();
  }

  /** A tokenizer on the Hub is read at the commit its revision names now, by every worker. */
  private static void pinTokenizer(SweTracesOptions o) throws IOException {
    String folder = o.getTokenizer() == null ? "" : o.getTokenizer().trim().replaceAll("/+$", "");
    if (Hub.isHubPath(folder)) {
      String file = Hub.pin(folder + "/" + StudentModel.TOKENIZER_FILE, o.as(HubOptions.class));
      o.setTokenizer(file.substring(0, file.length() - StudentModel.TOKENIZER_FILE.length() - 1));
    }
  }

  /** The student model {@code --tokenizer} and {@code --chatTemplate} name, or null for cl100k and ChatML. */
  static @Nullable StudentModel student(SweTracesOptions o) {
    return o.getTokenizer() == null || o.getTokenizer().isBlank() ? null
        : StudentModel.at(o.getTokenizer().trim(), o.getChatTemplate());
  }

  /** The files an option names besides the input ({@code --labelFiles}, {@code --decontaminateAgainst}). */
  private static List<TraceSource> givenFiles(String option, @Nullable String patterns, SweTracesOptions o) {
    try {
      return patterns == null || patterns.isBlank() ? List.of()
          : Inputs.patterns(patterns, o.as(HubOptions.class)).stream().map(TraceSource::of).toList();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  /** Reads back the summary a finished run wrote. */
  public static RunSummary readSummary(OutputOptions options) throws IOException {
    var resource = FileSystems.matchSingleFileSpec(OutputDir.at(options.getOutput()).path(OutputDir.SUMMARY));
    try (InputStream in = Channels.newInputStream(FileSystems.open(resource.resourceId()))) {
      return RunSummary.fromJson(in);
    }
  }

  /** The curation stages and SFT criteria the options ask for, with the benchmark files they name read. */
  static Curate curation(Pipeline p, SweTracesOptions o) {
    Curate curate = Curate.trainingExamples()
        .withCriteria(criteria(o))
        .withToolCalls(o.getToolCalls())
        .withDecontamination(o.getDecontaminate())
        .withDeduplication(o.getDeduplicate())
        .withNearDuplicateThreshold(o.getNearDuplicates())
        .withMaxPerInstance(o.getMaxPerInstance());
    List<TraceSource> benchmarks = o.getDecontaminate() == CurationMode.OFF ? List.of()
        : givenFiles("--decontaminateAgainst", o.getDecontaminateAgainst(), o);
    return benchmarks.isEmpty() ? curate
        : curate.withBenchmarkTasks(p.apply("ReadBenchmarks", ReadBenchmarkTasks.from(benchmarks)));
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
    StudentModel student = student(o);
    boolean dataset = o.getDataset() != null && !o.getDataset().isBlank();
    String formats = formats(o).stream().map(SftFormat::folder).collect(Collectors.joining(","));
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
        criteria(o) + (shortenTo(o) > 0 ? ", overBudget=SHORTEN" : ""),
        "preset=" + o.getPreset() + ", secrets=" + o.getSecrets() + ", toolCalls=" + o.getToolCalls()
            + ", decontaminate=" + o.getDecontaminate()
            + (o.getDecontaminateAgainst() == null ? "" : ", decontaminateAgainst=" + o.getDecontaminateAgainst())
            + ", deduplicate=" + o.getDeduplicate()
            + ", nearDuplicates=" + o.getNearDuplicates()
            + ", maxPerInstance=" + o.getMaxPerInstance(),
        student == null ? null : student.toString(),
        lossMask(o) + ", sftFormat=" + (formats.isEmpty() ? "none" : formats));
  }

  private static List<String> list(@Nullable List<String> values) {
    return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
