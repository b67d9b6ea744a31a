package io.swetraces.io;

import io.swetraces.model.Reject;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.TrajectoryParser;
import io.swetraces.runs.RunRecords;
import io.swetraces.transforms.JoinLabels;
import io.swetraces.transforms.TupleOutput;
import java.util.List;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads trajectories from the files matching some patterns, on any Beam file system: each file with
 * the format the {@link TraceFormats registry} picks for it, each row parsed once into a {@link
 * Trajectory}, and whatever cannot be read or parsed as a {@link Reject} with its reason, never as
 * an exception.
 *
 * <p>Steps: match the patterns; deal the files into lanes ({@link #withConcurrentReads}); read the
 * lanes, by a splittable DoFn that runners may checkpoint between rows or each in one go ({@link
 * #withSplittableReads}); with {@link #withFirstRowsPerPair}, read only as far as the first N rows
 * of each (agent, model) pair need and keep those.
 */
public final class ReadTrajectories extends PTransform<PBegin, ReadTrajectories.Result> {
  /**
   * Rows larger than this are rejected unless told otherwise: far past any SFT budget, and one such
   * row is held several times over (text, parse tree, renders) while it is processed.
   */
  public static final long DEFAULT_MAX_ROW_BYTES = 64L << 20;

  /** Rows a splittable read emits before it stops for a checkpoint, unless told otherwise. */
  static final long CHECKPOINT_CHARS = 16L << 20;

  private static final TupleTag<Trajectory> TRAJECTORIES = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  private static final TupleTag<Long> ROWS_READ = new TupleTag<>() {};
  private static final TupleTag<Long> SAMPLED_OUT = new TupleTag<>() {};
  private static final TupleTag<Long> LABEL_CONFLICTS = new TupleTag<>() {};
  private static final TupleTag<Long> NOT_TRAJECTORY_FILES = new TupleTag<>() {};

  private final List<TraceSource> sources;
  private final TraceFormats formats;
  private final long maxRowBytes;
  private final int concurrentReads;
  private final boolean splittable;
  private final @Nullable String agent;
  private final @Nullable String model;
  private final int firstRowsPerPair;
  private final long checkpointChars;
  private final String recordFormat;
  private final List<TraceSource> labelSources;

  private ReadTrajectories(List<TraceSource> sources, TraceFormats formats, long maxRowBytes, int concurrentReads,
      boolean splittable, @Nullable String agent, @Nullable String model, int firstRowsPerPair,
      long checkpointChars, String recordFormat, List<TraceSource> labelSources) {
    this.sources = List.copyOf(sources);
    this.formats = formats;
    this.maxRowBytes = maxRowBytes;
    this.concurrentReads = concurrentReads;
    this.splittable = splittable;
    this.agent = agent;
    this.model = model;
    this.firstRowsPerPair = firstRowsPerPair;
    this.checkpointChars = checkpointChars;
    this.recordFormat = recordFormat;
    this.labelSources = List.copyOf(labelSources);
  }

  public static ReadTrajectories from(List<TraceSource> sources) {
    return new ReadTrajectories(
        sources, TraceFormats.defaults(), DEFAULT_MAX_ROW_BYTES, 0, true, null, null, 0, CHECKPOINT_CHARS,
        RunRecords.AUTO, List.of());
  }

  /** Reads with these formats. */
  public ReadTrajectories withFormats(TraceFormats formats) {
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, checkpointChars, recordFormat, labelSources);
  }

  /** Rejects rows larger than this ({@code row_too_large}); JSON Lines rows are never held whole. */
  public ReadTrajectories withMaxRowBytes(long maxRowBytes) {
    if (maxRowBytes <= 0) {
      throw new IllegalArgumentException("maxRowBytes must be positive, got " + maxRowBytes);
    }
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, checkpointChars, recordFormat, labelSources);
  }

  /**
   * Reads the files in at most {@code n} lanes of about equal bytes, each read file after file;
   * 0 (the default) reads every file on its own.
   */
  public ReadTrajectories withConcurrentReads(int n) {
    return new ReadTrajectories(sources, formats, maxRowBytes, n, splittable, agent, model, firstRowsPerPair,
        checkpointChars, recordFormat, labelSources);
  }

  /**
   * Whether lanes are read by a splittable DoFn (the default), which runners may checkpoint between
   * rows and split between files, or each in one go by a plain one.
   */
  public ReadTrajectories withSplittableReads(boolean splittable) {
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, checkpointChars, recordFormat, labelSources);
  }

  /** Tags every row with this agent (harness), whatever the row or its path says. */
  public ReadTrajectories withAgent(@Nullable String agent) {
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, checkpointChars, recordFormat, labelSources);
  }

  /** Tags every row with this model, whatever the row or its path says. */
  public ReadTrajectories withModel(@Nullable String model) {
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, checkpointChars, recordFormat, labelSources);
  }

  /** Keeps the first {@code n} trajectories of each (agent, model) pair, by file name then row; 0 keeps all. */
  public ReadTrajectories withFirstRowsPerPair(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("rows per pair must be 0 or more, got " + n);
    }
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model, n,
        checkpointChars, recordFormat, labelSources);
  }

  /**
   * Reads every record as this format ({@code auto}: each record's own, told by its content;
   * {@code oswt}; or a {@link io.swetraces.runs.RunFormats raw format}'s id).
   */
  public ReadTrajectories withRecordFormat(String format) {
    RunRecords.check(format);
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, checkpointChars, format, labelSources);
  }

  /** Also reads the labels and predictions of these evaluation files, which apply to every run. */
  public ReadTrajectories withLabels(List<TraceSource> labelFiles) {
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, checkpointChars, recordFormat, labelFiles);
  }

  /** Stops a splittable read for a checkpoint after this many characters of rows (tests). */
  ReadTrajectories withCheckpointChars(long chars) {
    return new ReadTrajectories(sources, formats, maxRowBytes, concurrentReads, splittable, agent, model,
        firstRowsPerPair, chars, recordFormat, labelSources);
  }

  @Override
  public Result expand(PBegin begin) {
    ReadLanes.Reading reading = new ReadLanes.Reading(formats, maxRowBytes,
        RunRecords.forcing(new TrajectoryParser(agent, model), recordFormat), checkpointChars);
    PCollection<TraceInput> files =
        begin.apply("InputPatterns", Create.of(sources)).apply("MatchFiles", new MatchFiles());
    PTransform<PCollection<TraceInput>, FilesRead> readFiles = new ReadFiles(concurrentReads, reading, splittable);
    FilesRead read;
    PCollection<Trajectory> trajectories;
    PCollection<Long> sampledOut;
    if (firstRowsPerPair == 0) {
      read = files.apply("ReadFiles", readFiles);
      trajectories = read.trajectories();
      sampledOut = begin.apply("NoneSampledOut", Create.of(0L));
    } else {
      read = files.apply("ReadFirstRowsPerPair", new FirstRowsPerPair.Read(firstRowsPerPair, reading, readFiles));
      PCollectionTuple kept =
          read.trajectories().apply("KeepFirstRowsPerPair", new FirstRowsPerPair.Keep(firstRowsPerPair));
      trajectories = kept.get(FirstRowsPerPair.Keep.KEPT);
      sampledOut = kept.get(FirstRowsPerPair.Keep.SAMPLED_OUT);
    }
    PCollection<RunLabel> labels = read.labels();
    PCollection<Reject> rejects = read.rejects();
    PCollection<Long> rowsRead = rowsRead("", read);
    if (!labelSources.isEmpty()) {
      // Evaluation files kept apart: read for their labels, by content whatever --format says.
      ReadLanes.Reading labelReading = new ReadLanes.Reading(formats, maxRowBytes,
          RunRecords.detecting(new TrajectoryParser(agent, model)), checkpointChars);
      FilesRead given = begin.apply("LabelPatterns", Create.of(labelSources))
          .apply("MatchLabelFiles", new MatchFiles())
          .apply("ReadLabelFiles", new ReadFiles(concurrentReads, labelReading, splittable));
      labels = PCollectionList.of(labels)
          .and(given.labels().apply("GivenLabels", MapElements.into(TypeDescriptor.of(RunLabel.class))
              .via(RunLabel::given)))
          .apply("AllLabels", Flatten.pCollections());
      PCollection<Reject> trajectoriesGiven = given.trajectories().apply("TrajectoriesInLabelFiles",
          MapElements.into(TypeDescriptor.of(Reject.class)).via(t -> Reject.of(t.getSource(), t.getPosition(),
              Reject.READ, "trajectory_in_label_files", "--labelFiles names evaluation files; read trajectories"
                  + " with --input", "")));
      rejects = PCollectionList.of(rejects).and(given.rejects()).and(trajectoriesGiven)
          .apply("AllReadRejects", Flatten.pCollections());
      rowsRead = PCollectionList.of(rowsRead).and(rowsRead("LabelFile", given))
          .apply("AllRowsRead", Flatten.pCollections())
          .apply("SumRowsRead", Sum.longsGlobally());
    }
    PCollectionTuple labelled = trajectories.apply("JoinLabels", JoinLabels.with(labels));
    return new Result(PCollectionTuple.of(TRAJECTORIES, labelled.get(JoinLabels.LABELLED))
        .and(REJECTS, rejects)
        .and(ROWS_READ, rowsRead)
        .and(SAMPLED_OUT, sampledOut)
        .and(LABEL_CONFLICTS, labelled.get(JoinLabels.CONFLICTS))
        .and(NOT_TRAJECTORY_FILES, read.notTrajectories()
            .apply("OncePerFile", Distinct.create())
            .apply("CountNotTrajectoryFiles", Count.globally())));
  }

  /** Rows read, parsed or rejected, counted as ones: a runner that groups before combining moves no rows. */
  private static PCollection<Long> rowsRead(String prefix, FilesRead read) {
    return PCollectionList.of(read.trajectories().apply(prefix + "TrajectoryOnes", ones()))
        .and(read.rejects().apply(prefix + "RejectOnes", ones()))
        .apply(prefix + "AllRowsRead", Flatten.pCollections())
        .apply(prefix + "CountRowsRead", Sum.longsGlobally());
  }

  private static <T> MapElements<T, Long> ones() {
    return MapElements.into(TypeDescriptors.longs()).via(x -> 1L);
  }

  /** Plans the files' lanes and reads them. */
  private static final class ReadFiles extends PTransform<PCollection<TraceInput>, FilesRead> {
    private final int concurrentReads;
    private final ReadLanes.Reading reading;
    private final boolean splittable;

    ReadFiles(int concurrentReads, ReadLanes.Reading reading, boolean splittable) {
      this.concurrentReads = concurrentReads;
      this.reading = reading;
      this.splittable = splittable;
    }

    @Override
    public FilesRead expand(PCollection<TraceInput> files) {
      return files.apply("PlanLanes", new PlanLanes(concurrentReads))
          .apply("ReadLanes", new ReadLanes(reading, splittable));
    }
  }

  /**
   * The trajectories read (the first N per pair, when sampling), the rejects, and two counts: the
   * rows read, parsed or rejected, and the trajectories sampled out.
   */
  public static final class Result extends TupleOutput {
    private Result(PCollectionTuple tuple) {
      super(tuple);
    }

    public PCollection<Trajectory> trajectories() {
      return tuple.get(TRAJECTORIES);
    }

    public PCollection<Reject> rejects() {
      return tuple.get(REJECTS);
    }

    /** One element: every row read, whether it became a trajectory or a reject. */
    public PCollection<Long> rowsRead() {
      return tuple.get(ROWS_READ);
    }

    /** One element: trajectories whose run's evaluation files disagree on their label. */
    public PCollection<Long> labelConflicts() {
      return tuple.get(LABEL_CONFLICTS);
    }

    /** One element: files read that hold no trajectory (logs, configs, indexes, images). */
    public PCollection<Long> notTrajectoryFiles() {
      return tuple.get(NOT_TRAJECTORY_FILES);
    }

    /** One element: trajectories read but left out by {@link #withFirstRowsPerPair}. */
    public PCollection<Long> sampledOut() {
      return tuple.get(SAMPLED_OUT);
    }
  }
}
