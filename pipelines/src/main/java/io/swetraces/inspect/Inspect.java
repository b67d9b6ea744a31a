package io.swetraces.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.io.Inputs;
import io.swetraces.io.RowSink;
import io.swetraces.io.TraceCursor;
import io.swetraces.io.TraceFile;
import io.swetraces.io.TraceFormats;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import io.swetraces.parse.TrajectoryParser;
import io.swetraces.runs.RunRecords;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code swe-traces inspect}: prints the anatomy of one record, read with the pipeline's own
 * readers and normalized with its own parser, so what it shows is what a run sees.
 */
public final class Inspect {
  private Inspect() {}

  public static void main(String[] args) throws IOException {
    PipelineOptionsFactory.register(InspectOptions.class);
    boolean shown;
    try {
      InspectOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(InspectOptions.class);
      shown = run(options, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("swe-traces inspect: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(shown ? 0 : 1);
  }

  /** Prints the chosen record, or why there is none; true when a record was shown. */
  public static boolean run(InspectOptions options, PrintStream out) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    Finder finder = new Finder(options.getInstance(), options.getRow());
    for (TraceFile file : files(options)) {
      finder.file = file.path();
      try (TraceCursor cursor = TraceFormats.defaults().open(file, 0, 0, Long.MAX_VALUE)) {
        while (!finder.done() && cursor.next(finder)) {
          // each call reads one row into the finder
        }
      }
      if (finder.done()) {
        break;
      }
    }
    if (!finder.done()) {
      out.println(options.getInstance() != null
          ? "No row with instance_id " + options.getInstance() + " in " + finder.rows + " rows."
          : "No row " + options.getRow() + ": the input holds " + finder.rows + " rows.");
      return false;
    }
    if (finder.rejectReason != null) {
      out.println(finder.file + " row " + finder.position + " cannot be read: " + finder.rejectReason);
      return false;
    }
    try {
      JsonNode row = asRow(finder.tree != null ? finder.tree : Json.MAPPER.readTree(finder.text), finder.file);
      Anatomy anatomy = Anatomy.tutorial().withWidth(options.getWidth()).withMessages(options.getMessages());
      out.print(anatomy.render(row, new TrajectoryParser(null, null).parse(finder.file, finder.position, row)));
      return true;
    } catch (IOException | BadRowException e) {
      out.println(finder.file + " row " + finder.position + " is rejected by the pipeline: " + e.getMessage());
      return false;
    }
  }

  /** A record as the Open-SWE-Traces row the pipeline reads it as (an agent run's record converted). */
  private static JsonNode asRow(JsonNode record, String file) throws BadRowException {
    return RunRecords.detecting(new TrajectoryParser(null, null)).asRow(record, file);
  }

  /** The instance a record is of, as read; null when it cannot be read. */
  private static String instanceOf(JsonNode record, String file) {
    try {
      return asRow(record, file).path("instance_id").asText(null);
    } catch (BadRowException e) {
      return null;
    }
  }

  /** The input's files in path order, each pattern matching at least one as for a run. */
  private static List<TraceFile> files(InspectOptions options) throws IOException {
    List<TraceFile> files = new ArrayList<>();
    for (MatchResult match : FileSystems.match(Inputs.patterns(options.getInput(), options))) {
      match.metadata().forEach(m -> files.add(TraceFile.matched(m)));
    }
    files.sort(Comparator.comparing(TraceFile::path));
    return files;
  }

  /** Keeps the one row asked for while a file is read. */
  private static final class Finder implements RowSink {
    private final String instance;
    private final long wanted;
    private long rows;
    private String file;
    private String text;
    private JsonNode tree;
    private long position;
    private String rejectReason;

    Finder(String instance, long wanted) {
      this.instance = instance;
      this.wanted = wanted;
    }

    boolean done() {
      return text != null || tree != null;
    }

    @Override
    public void text(long position, String json) {
      if (!done() && (instance == null ? rows == wanted : instance.equals(instanceId(json, file)))) {
        this.text = json;
        this.position = position;
      }
      rows++;
    }

    @Override
    public void tree(long position, JsonNode row, long bytes) {
      if (!done() && (instance == null ? rows == wanted : instance.equals(instanceOf(row, file)))) {
        this.tree = row;
        this.position = position;
      }
      rows++;
    }

    @Override
    public void reject(long position, String reason, String detail, String excerpt) {
      if (position < 0) {
        return;
      }
      if (!done() && instance == null && rows == wanted) {
        this.text = excerpt;
        this.position = position;
        this.rejectReason = reason + " (" + detail + ")";
      }
      rows++;
    }

    private static String instanceId(String json, String file) {
      try {
        return instanceOf(Json.MAPPER.readTree(json), file);
      } catch (IOException e) {
        return null;
      }
    }
  }
}
