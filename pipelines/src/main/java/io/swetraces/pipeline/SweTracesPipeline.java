package io.swetraces.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.io.AnalysisParquet;
import io.swetraces.io.AnalysisTable;
import io.swetraces.io.Inputs;
import io.swetraces.io.ReadTrajectories;
import io.swetraces.io.RejectRecords;
import io.swetraces.io.SftRecords;
import io.swetraces.io.TraceSource;
import io.swetraces.io.WriteLines;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import io.swetraces.report.WriteReport;
import io.swetraces.stats.AnalysisStats;
import io.swetraces.stats.AnalysisStatsFn;
import io.swetraces.stats.RunSummary;
import io.swetraces.transforms.CountTokens;
import io.swetraces.transforms.ExtractTools;
import io.swetraces.transforms.FilterSft;
import io.swetraces.transforms.ParsePatch;
import io.swetraces.transforms.SftCriteria;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one swe-traces graph: read → Normalize → (LimitPerCombo) → ExtractTools → ParsePatch →
 * CountTokens → FilterSft → analysis table, SFT set, rejects, report and {@code summary.json}.
 */
public final class SweTracesPipeline {
  private SweTracesPipeline() {}

  /** Checks the options, builds the graph and starts it; used by main and by every test alike. */
  public static PipelineResult run(SweTracesOptions options) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    List<TraceSource> sources = sources(options);
    OutputDir out = OutputDir.at(options.getOutput());
    out.prepare(options.getOverwrite());
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, sources, out);
    return pipeline.run();
  }

  /** What to read: the --input patterns, or the files of a --dataset's configs and splits. */
  static List<TraceSource> sources(SweTracesOptions o) throws IOException {
    return Inputs.resolve(o.getInput(), o.getDataset(), list(o.getConfigs()), list(o.getSplits()), o);
  }

  private static boolean given(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  private static List<String> list(@Nullable List<String> values) {
    return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** Reads back the summary a finished run wrote. */
  public static JsonNode readSummary(SweTracesOptions options) throws IOException {
    var resource = FileSystems.matchSingleFileSpec(OutputDir.at(options.getOutput()).path(OutputDir.SUMMARY));
    try (InputStream in = Channels.newInputStream(FileSystems.open(resource.resourceId()))) {
      return Json.MAPPER.readTree(in);
    }
  }

  /** The SFT criteria the options ask for. */
  static SftCriteria criteria(SweTracesOptions o) {
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

  static void build(Pipeline p, SweTracesOptions o, List<TraceSource> sources, OutputDir out) {
    ReadTrajectories.Result read =
        p.apply("ReadTrajectories",
            ReadTrajectories.from(sources)
                .withMaxRowBytes((long) o.getMaxRowMegabytes() << 20)
                .withConcurrentReads(o.getConcurrentReads())
                .withSplittableReads(o.getSplittableReads())
                .withAgent(o.getAgent())
                .withModel(o.getModel())
                .withFirstRowsPerPair(o.getLimitPerCombo()));
    PCollection<Trajectory> selected = read.trajectories();
    SftCriteria criteria = criteria(o);
    FilterSft.Result sft =
        selected
            .apply("ExtractTools", ExtractTools.perTrajectory())
            .apply("ParsePatch", ParsePatch.finalPatch().withCounting(o.getPatchCounting()))
            .apply("CountTokens", CountTokens.cl100k())
            .apply("FilterSft", FilterSft.trainingExamples().withCriteria(criteria));

    // Rows are made before the two sets meet: Flink cannot chain a step that has two inputs, so
    // what crosses to it is the small analysis row rather than the whole trajectory.
    PCollection<Row> analysis =
        PCollectionList.of(analysisRows("KeptAnalysisRows", sft.kept()))
            .and(analysisRows("DroppedAnalysisRows", sft.dropped()))
            .apply("AllAnalysed", Flatten.pCollections());
    PCollection<Reject> rejects = read.rejects();

    int shards = o.getNumShards();
    List<PCollection<?>> written = new ArrayList<>();
    written.add(
        analysis
            .apply("AnalysisCsvLines", MapElements.into(TypeDescriptors.strings()).via(AnalysisTable::csvLine))
            .apply("WriteAnalysisCsv",
                WriteLines.to(out.path(OutputDir.ANALYSIS + "/analysis")).withSuffix(".csv")
                    .withHeader(AnalysisTable.csvHeader()).withNumShards(shards)));
    written.add(
        analysis
            .apply("AnalysisAvroBytes",
                MapElements.into(TypeDescriptor.of(byte[].class)).via(AnalysisParquet::bytes))
            .apply("WriteAnalysisParquet", AnalysisParquet.write(out.path(OutputDir.ANALYSIS), "analysis", shards))
            .getPerDestinationOutputFilenames());
    written.add(
        sft.kept()
            .apply("SftJsonLines", MapElements.into(TypeDescriptors.strings()).via(SftRecords::jsonLine))
            .apply("WriteSft", WriteLines.to(out.path(OutputDir.SFT + "/sft")).withSuffix(".jsonl").withNumShards(shards)));
    written.add(
        rejects
            .apply("RejectJsonLines", MapElements.into(TypeDescriptors.strings()).via(RejectRecords::jsonLine))
            .apply("WriteRejects",
                WriteLines.to(out.path(OutputDir.REJECTS + "/rejects")).withSuffix(".jsonl").withNumShards(shards)));

    PCollectionView<AnalysisStats> stats =
        analysis.apply("SummarizeAnalysis", Combine.globally(new AnalysisStatsFn()).asSingletonView());
    PCollectionView<Long> rowsRead = read.rowsRead().apply("RowsReadView", View.asSingleton());
    PCollectionView<Long> sampledOut = read.sampledOut().apply("SampledOutView", View.asSingleton());
    PCollectionView<Map<String, Long>> rejectsByReason =
        rejects
            .apply("RejectReasons", MapElements.into(TypeDescriptors.strings()).via(Reject::getReason))
            .apply("CountRejectReasons", Count.perElement())
            .apply("RejectReasonLookup", View.asMap());
    Map<String, String> settings = settings(o, criteria);

    // The report, then the summary, are written last, once every other output is complete: the
    // summary's presence marks a finished run.
    p.apply("SummaryTrigger", Create.of("summary"))
        .apply("AfterAllOutputs", Wait.on(written))
        .apply("BuildSummary",
            ParDo.of(new DoFn<String, String>() {
                  @ProcessElement
                  public void process(ProcessContext c) {
                    AnalysisStats s = c.sideInput(stats);
                    c.output(RunSummary.of(s, c.sideInput(rowsRead), c.sideInput(sampledOut),
                            c.sideInput(rejectsByReason), settings)
                        .toPrettyString());
                  }
                })
                .withSideInputs(stats, rowsRead, sampledOut, rejectsByReason))
        .apply("WriteReport", WriteReport.to(out.path(OutputDir.REPORT)))
        .apply("WriteSummary",
            TextIO.write().to(out.path("summary")).withSuffix(".json").withoutSharding());
  }

  private static PCollection<Row> analysisRows(String name, PCollection<Trajectory> trajectories) {
    return trajectories
        .apply(name, MapElements.into(TypeDescriptor.of(Row.class)).via(AnalysisTable::row))
        .setRowSchema(AnalysisTable.SCHEMA);
  }

  private static Map<String, String> settings(SweTracesOptions o, SftCriteria criteria) {
    Map<String, String> s = new LinkedHashMap<>();
    if (given(o.getDataset())) {
      s.put("dataset", o.getDataset().trim());
      s.put("configs", String.join(",", list(o.getConfigs())));
      s.put("splits", String.join(",", list(o.getSplits())));
    } else {
      s.put("input", o.getInput());
    }
    s.put("runner", o.getRunner().getSimpleName());
    if (o.getAgent() != null) {
      s.put("agent_override", o.getAgent());
    }
    if (o.getModel() != null) {
      s.put("model_override", o.getModel());
    }
    s.put("limit_per_combo", String.valueOf(o.getLimitPerCombo()));
    s.put("patch_counting", o.getPatchCounting().name());
    s.put("sft_criteria", criteria.toString());
    return s;
  }
}
