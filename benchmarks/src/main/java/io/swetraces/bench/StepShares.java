package io.swetraces.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Each pipeline step's share of the CPU samples in a flight recording. A sample goes to the step of
 * the innermost project frame on its stack (shared helpers such as JSON and ChatML go to their
 * caller); samples with no project frame are Beam's coders and IO, or the runner itself.
 */
final class StepShares {
  private static final List<String[]> STEPS = List.of(
      new String[] {"ReadTraces", "io.swetraces.io.JsonLinesFormat", "io.swetraces.io.ParquetFormat",
          "io.swetraces.io.ParquetJson", "io.swetraces.io.JsonArrayFormat", "io.swetraces.io.Utf8",
          "io.swetraces.io.ReadTraces", "io.swetraces.io.BeamInputFile", "io.swetraces.io.TraceFile",
          "io.swetraces.io.ReadLaneFn", "io.swetraces.io.ReadSpan"},
      new String[] {"Normalize", "io.swetraces.parse.TrajectoryParser", "io.swetraces.parse.AgentModelTags",
          "io.swetraces.transforms.Normalize"},
      new String[] {"ExtractTools", "io.swetraces.parse.ToolExtractor", "io.swetraces.transforms.ExtractTools"},
      new String[] {"ParsePatch", "io.swetraces.parse.DiffParser", "io.swetraces.transforms.ParsePatch"},
      new String[] {"CountTokens", "io.swetraces.tokens.TokenCounter", "io.swetraces.parse.ConversationTokens",
          "io.swetraces.tokens.AsciiBytePairs", "io.swetraces.transforms.CountTokens"},
      new String[] {"FilterSft", "io.swetraces.transforms.FilterSft", "io.swetraces.transforms.SftCriteria",
          "io.swetraces.transforms.TokenBudget", "io.swetraces.transforms.LimitPerCombo"},
      new String[] {"Write outputs", "io.swetraces.io.AnalysisTable", "io.swetraces.io.AnalysisParquet",
          "io.swetraces.io.SftRecords", "io.swetraces.io.RejectRecords", "io.swetraces.io.WriteLines"},
      new String[] {"Stats and report", "io.swetraces.stats.", "io.swetraces.report."},
      new String[] {"Launch (options, graph)", "io.swetraces.pipeline.", "io.swetraces.hub."});
  private static final String HELPERS = "io.swetraces.text.Json|io.swetraces.parse.PyText|io.swetraces.tokens.ChatMl";

  private StepShares() {}

  static Map<String, Double> of(Path recording) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    long total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      counts.merge(step(e.getStackTrace().getFrames()), 1L, Long::sum);
      total++;
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    long all = total;
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(c -> shares.put(c.getKey(), (double) c.getValue() / all));
    return shares;
  }

  private static String step(List<RecordedFrame> frames) {
    boolean beamIo = false;
    for (RecordedFrame f : frames) {
      String type = f.getMethod().getType().getName();
      if (type.startsWith("io.swetraces.") && !type.split("\\$")[0].matches(HELPERS)) {
        for (String[] step : STEPS) {
          for (int i = 1; i < step.length; i++) {
            if (type.startsWith(step[i])) {
              return step[0];
            }
          }
        }
        return "Other project code";
      }
      beamIo |= type.startsWith("org.apache.beam.sdk.coders.") || type.startsWith("org.apache.beam.sdk.io.")
          || type.startsWith("org.apache.parquet.") || type.startsWith("org.apache.beam.sdk.schemas.");
    }
    return beamIo ? "Beam coders and file IO" : "Runner (scheduling, watermarks, JVM)";
  }
}
