package io.swetraces.pipeline;

import io.swetraces.chat.SftFormat;
import io.swetraces.io.OutputDir;
import io.swetraces.io.ReadTrajectories;
import io.swetraces.model.AnalysisRow;
import io.swetraces.model.Reject;
import io.swetraces.report.WriteDatasetCard;
import io.swetraces.report.WriteReport;
import io.swetraces.stats.AnalysisStats;
import io.swetraces.stats.AnalysisStatsFn;
import io.swetraces.stats.FindingsFn;
import io.swetraces.stats.RunSummary;
import io.swetraces.stats.WriteSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The run's figures ({@link RunSummary}), once every other output is written: then the report,
 * then {@code summary.json}, whose presence marks a finished run; then the output directory's lock
 * is released. Every figure is computed inside the graph, so it is the same on every runner.
 */
final class Summarise extends PTransform<PCollectionTuple, PDone> {
  private static final TupleTag<AnalysisRow> ANALYSIS = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  private static final TupleTag<Long> ROWS_READ = new TupleTag<>() {};
  private static final TupleTag<Long> SAMPLED_OUT = new TupleTag<>() {};
  private static final TupleTag<Long> NOT_TRAJECTORY_FILES = new TupleTag<>() {};
  private static final TupleTag<Long> LABEL_CONFLICTS = new TupleTag<>() {};
  private static final TupleTag<String> WRITTEN = new TupleTag<>() {};

  private final OutputDir out;
  private final RunSummary.Settings settings;
  private final List<SftFormat> formats;

  private Summarise(OutputDir out, RunSummary.Settings settings, List<SftFormat> formats) {
    this.out = out;
    this.settings = settings;
    this.formats = formats;
  }

  /** The figures, report and dataset card (whose configs are the exported {@code formats}) of a run. */
  static Summarise into(OutputDir out, RunSummary.Settings settings, List<SftFormat> formats) {
    return new Summarise(out, settings, formats);
  }

  /** Trajectory ids shown per integrity finding in the summary and the report. */
  static final int EXAMPLES_PER_FINDING = 3;

  /** What the figures come from: the analysis rows, every reject and the read's counts, after the files written. */
  static PCollectionTuple of(PCollection<AnalysisRow> analysis, PCollection<Reject> rejects,
      ReadTrajectories.Result read, PCollection<String> written) {
    return PCollectionTuple.of(ANALYSIS, analysis).and(REJECTS, rejects).and(ROWS_READ, read.rowsRead())
        .and(SAMPLED_OUT, read.sampledOut()).and(NOT_TRAJECTORY_FILES, read.notTrajectoryFiles())
        .and(LABEL_CONFLICTS, read.labelConflicts()).and(WRITTEN, written);
  }

  @Override
  public PDone expand(PCollectionTuple run) {
    PCollectionView<AnalysisStats> stats =
        run.get(ANALYSIS).apply("SummarizeAnalysis", Combine.globally(new AnalysisStatsFn()).asSingletonView());
    PCollectionView<Long> rowsRead = run.get(ROWS_READ).apply("RowsRead", View.asSingleton());
    PCollectionView<Long> sampledOut = run.get(SAMPLED_OUT).apply("SampledOut", View.asSingleton());
    PCollectionView<Long> notTrajectoryFiles =
        run.get(NOT_TRAJECTORY_FILES).apply("NotTrajectoryFiles", View.asSingleton());
    PCollectionView<Long> labelConflicts = run.get(LABEL_CONFLICTS).apply("LabelConflicts", View.asSingleton());
    PCollectionView<Map<String, Long>> labelSources = run.get(ANALYSIS)
        .apply("LabelSources", MapElements.into(TypeDescriptors.strings()).via(AnalysisRow::getLabelSource))
        .apply("CountLabelSources", Count.perElement())
        .apply("LabelSourceLookup", View.asMap());
    PCollectionView<Map<String, FindingsFn.Found>> integrity = run.get(ANALYSIS)
        .apply("IntegrityFindings", FlatMapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.strings())))
            .via(r -> findings(r).entrySet().stream()
                .map(e -> KV.of(e.getKey(), KV.of(e.getValue(), exampleId(r)))).toList()))
        .apply("CountFindings", Combine.perKey(new FindingsFn(EXAMPLES_PER_FINDING)))
        .apply("FindingLookup", View.asMap());
    PCollectionView<Map<String, Long>> sftLicenses = run.get(ANALYSIS)
        .apply("KeptRows", Filter.by(AnalysisRow::sftKept))
        .apply("SftLicenses", MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getLicense() == null ? WriteDatasetCard.unknownLicense() : r.getLicense()))
        .apply("CountSftLicenses", Count.perElement())
        .apply("SftLicenseLookup", View.asMap());
    PCollectionView<Map<String, Long>> rejectsByReason = run.get(REJECTS)
        .apply("RejectReasons", MapElements.into(TypeDescriptors.strings()).via(Reject::getReason))
        .apply("CountRejectReasons", Count.perElement())
        .apply("RejectReasonLookup", View.asMap());
    run.getPipeline()
        .apply("SummaryTrigger", Create.of("summary"))
        .apply("AfterAllOutputs", Wait.on(run.get(WRITTEN)))
        .apply("BuildSummary", ParDo.of(new BuildSummaryFn(settings, stats, rowsRead, sampledOut, rejectsByReason,
                notTrajectoryFiles, labelSources, labelConflicts, integrity))
            .withSideInputs(stats, rowsRead, sampledOut, rejectsByReason, notTrajectoryFiles, labelSources,
                labelConflicts, integrity))
        .setCoder(SerializableCoder.of(RunSummary.class))
        .apply("WriteReport", WriteReport.to(out.path(OutputDir.REPORT)))
        .apply("WriteDatasetCard", WriteDatasetCard.to(out.path(OutputDir.CARD), formats, sftLicenses))
        .apply("WriteSummary", WriteSummary.to(out.path(OutputDir.SUMMARY)))
        .apply("ReleaseOutput", out.releaseAfter());
    return PDone.in(run.getPipeline());
  }

  /** What the integrity stages found in one row, by kind, and how often (see {@link RunSummary#withIntegrity}). */
  static Map<String, Long> findings(AnalysisRow r) {
    Map<String, Long> found = new TreeMap<>();
    r.getSecretsRedacted().forEach((rule, n) -> found.put("secret:" + rule, (long) n));
    if (r.getContamination() != null) {
      found.put("contaminated:" + r.getContamination(), 1L);
    }
    if (r.getToolCallError() != null) {
      String error = r.getToolCallError();
      found.put("broken_tool_call:" + error.substring(0, Math.max(0, error.indexOf(':'))), 1L);
    }
    if (r.getDuplicateOf() != null) {
      found.put("duplicate", 1L);
    }
    if (r.getSftTokensCut() != null) {
      found.put("shortened", 1L);
      found.put("shortened:tokens_cut", r.getSftTokensCut());
    }
    return found;
  }

  private static Map<String, Long> counts(Map<String, FindingsFn.Found> found) {
    Map<String, Long> out = new TreeMap<>();
    found.forEach((kind, f) -> out.put(kind, f.count()));
    return out;
  }

  private static Map<String, List<String>> examples(Map<String, FindingsFn.Found> found) {
    Map<String, List<String>> out = new TreeMap<>();
    found.forEach((kind, f) -> out.put(kind, f.ids()));
    return out;
  }

  /** A row as the report names it: its trajectory id, else where it was read. */
  private static String exampleId(AnalysisRow r) {
    return r.getTrajectoryId() != null ? r.getTrajectoryId() : r.getSourceFile() + "#" + r.getSourceRow();
  }

  static final class BuildSummaryFn extends DoFn<String, RunSummary> {
    private final RunSummary.Settings settings;
    private final PCollectionView<AnalysisStats> stats;
    private final PCollectionView<Long> rowsRead;
    private final PCollectionView<Long> sampledOut;
    private final PCollectionView<Map<String, Long>> rejectsByReason;
    private final PCollectionView<Long> notTrajectoryFiles;
    private final PCollectionView<Map<String, Long>> labelSources;
    private final PCollectionView<Long> labelConflicts;
    private final PCollectionView<Map<String, FindingsFn.Found>> integrity;

    BuildSummaryFn(RunSummary.Settings settings, PCollectionView<AnalysisStats> stats, PCollectionView<Long> rowsRead,
        PCollectionView<Long> sampledOut, PCollectionView<Map<String, Long>> rejectsByReason,
        PCollectionView<Long> notTrajectoryFiles, PCollectionView<Map<String, Long>> labelSources,
        PCollectionView<Long> labelConflicts, PCollectionView<Map<String, FindingsFn.Found>> integrity) {
      this.integrity = integrity;
      this.notTrajectoryFiles = notTrajectoryFiles;
      this.labelSources = labelSources;
      this.labelConflicts = labelConflicts;
      this.settings = settings;
      this.stats = stats;
      this.rowsRead = rowsRead;
      this.sampledOut = sampledOut;
      this.rejectsByReason = rejectsByReason;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(RunSummary.of(c.sideInput(stats), c.sideInput(rowsRead), c.sideInput(sampledOut),
              c.sideInput(rejectsByReason), settings)
          .withInputs(new RunSummary.Inputs(c.sideInput(notTrajectoryFiles), c.sideInput(labelSources),
              c.sideInput(labelConflicts)))
          .withIntegrity(counts(c.sideInput(integrity)), examples(c.sideInput(integrity))));
    }
  }
}
