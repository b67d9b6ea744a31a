package io.swetraces.bench;

import java.io.IOException;
import java.nio.file.Path;
import io.swetraces.hub.Hub;
import io.swetraces.io.AnalysisParquet;
import io.swetraces.io.AnalysisTable;
import io.swetraces.io.ReadTrajectories;
import io.swetraces.io.RejectRecords;
import io.swetraces.io.SftRecords;
import io.swetraces.io.WriteLines;
import io.swetraces.parse.AgentModelTags;
import io.swetraces.parse.DiffParser;
import io.swetraces.parse.ToolExtractor;
import io.swetraces.parse.TrajectoryParser;
import io.swetraces.pipeline.SweTracesPipeline;
import io.swetraces.report.ReportPage;
import io.swetraces.stats.AnalysisStats;
import io.swetraces.text.Json;
import io.swetraces.text.PyText;
import io.swetraces.tokens.ChatMl;
import io.swetraces.tokens.TokenCounter;
import io.swetraces.transforms.CountTokens;
import io.swetraces.transforms.ExtractTools;
import io.swetraces.transforms.FilterSft;
import io.swetraces.transforms.ParsePatch;
import io.swetraces.transforms.SftCriteria;
import io.swetraces.transforms.TokenBudget;
import java.util.Arrays;
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
  /**
   * Steps and the code that makes them up, as classes and packages of the project (named through
   * the classes themselves, so a rename cannot lose them). The first match wins: writers come
   * before the rest of the io package, which reads and parses rows.
   */
  private static final List<Step> STEPS = List.of(
      Step.of("Write outputs", AnalysisTable.class, AnalysisParquet.class, SftRecords.class, RejectRecords.class,
          WriteLines.class),
      Step.of("Read and parse", ReadTrajectories.class.getPackageName(), TrajectoryParser.class.getName(),
          AgentModelTags.class.getName()),
      Step.of("ExtractTools", ToolExtractor.class, ExtractTools.class),
      Step.of("ParsePatch", DiffParser.class, ParsePatch.class),
      Step.of("CountTokens", TokenCounter.class.getPackageName(), CountTokens.class.getName()),
      Step.of("FilterSft", FilterSft.class, SftCriteria.class, TokenBudget.class),
      Step.of("Stats and report", AnalysisStats.class.getPackageName(), ReportPage.class.getPackageName()),
      Step.of("Launch (options, graph)", SweTracesPipeline.class.getPackageName(), Hub.class.getPackageName()));
  /** Shared helpers: their samples go to the step that called them. */
  private static final List<String> HELPERS =
      List.of(Json.class.getName(), PyText.class.getName(), ChatMl.class.getName());

  /** A step's name and the prefixes of the class names that belong to it. */
  private record Step(String name, List<String> prefixes) {
    static Step of(String name, String... prefixes) {
      return new Step(name, List.of(prefixes));
    }

    static Step of(String name, Class<?>... classes) {
      return new Step(name, Arrays.stream(classes).map(Class::getName).toList());
    }

    boolean owns(String type) {
      return prefixes.stream().anyMatch(p -> type.equals(p) || type.startsWith(p + "$") || type.startsWith(p + "."));
    }
  }

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
      if (type.startsWith("io.swetraces.") && !HELPERS.contains(type.split("\\$")[0])) {
        for (Step step : STEPS) {
          if (step.owns(type)) {
            return step.name();
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
