package io.swetraces.io;

import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.model.RunLabel;
import io.swetraces.runs.RunRecords;
import io.swetraces.transforms.TraceMetrics;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads lanes of files, each file after the other, into trajectories and rejects: by a splittable
 * DoFn, which a runner may checkpoint between any two rows and split between files, or each lane in
 * one go by a plain DoFn.
 */
final class ReadLanes extends PTransform<PCollection<ReadLane>, FilesRead> {
  private static final TupleTag<Trajectory> TRAJECTORIES = FilesRead.TRAJECTORIES;
  private static final TupleTag<List<Trajectory>> BATCHES = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = FilesRead.REJECTS;
  private static final TupleTag<RunLabel> LABELS = FilesRead.LABELS;
  private static final TupleTag<String> NOT_TRAJECTORIES = FilesRead.NOT_TRAJECTORIES;

  private final Reading reading;
  private final boolean splittable;

  ReadLanes(Reading reading, boolean splittable) {
    this.reading = reading;
    this.splittable = splittable;
  }

  @Override
  public FilesRead expand(PCollection<ReadLane> lanes) {
    TupleTagList others = TupleTagList.of(REJECTS).and(LABELS).and(NOT_TRAJECTORIES);
    if (!splittable) {
      return new FilesRead(
          lanes.apply("ReadLanesWhole", ParDo.of(new ReadWholeLaneFn(reading)).withOutputTags(TRAJECTORIES, others)));
    }
    PCollectionTuple read = lanes.apply("ReadLanes", ParDo.of(new ReadLaneFn(reading)).withOutputTags(BATCHES, others));
    PCollection<Trajectory> trajectories =
        read.get(BATCHES)
            .setCoder(ListCoder.of(SchemaCoders.of(lanes.getPipeline(), Trajectory.class)))
            .apply("TrajectoriesOfBatches", Flatten.iterables());
    return new FilesRead(PCollectionTuple.of(TRAJECTORIES, trajectories).and(REJECTS, read.get(REJECTS))
        .and(LABELS, read.get(LABELS)).and(NOT_TRAJECTORIES, read.get(NOT_TRAJECTORIES)));
  }

  /** An output that sends labels and files of no trajectory on as they come. */
  abstract static class Outputs implements RowEmitter.Output {
    private final DoFn.MultiOutputReceiver out;

    Outputs(DoFn.MultiOutputReceiver out) {
      this.out = out;
    }

    @Override
    public void reject(Reject reject) {
      out.get(REJECTS).output(reject);
    }

    @Override
    public void label(RunLabel label) {
      out.get(LABELS).output(label);
    }

    @Override
    public void notATrajectory(String path) {
      out.get(NOT_TRAJECTORIES).output(path);
    }
  }

  /**
   * What every reader of a run shares: the formats, the row limit, the parser that tags rows, and
   * the characters of rows a splittable read emits before it stops for a checkpoint.
   */
  record Reading(TraceFormats formats, long maxRowBytes, RunRecords records, long checkpointChars)
      implements Serializable {
    /**
     * The share of this worker's heap one row may take, at most: a row is held several times over
     * while it is processed (bytes, text, parse tree, trajectory, its UTF-8 for counting, its
     * render), on every worker thread at once. With -Xmx1g the JVM reports about 954 MB: rows of up
     * to about 60 MB (a 57.8 MB row was analysed at 0.96 GB peak RSS).
     */
    static final int HEAP_SHARE = 16;

    /**
     * The row limit on this worker: the run's, or less when this worker's heap is small. Taken from
     * the heap's size at start: the parallel collector's reported maximum moves as it resizes its
     * survivor spaces, and a limit that moved would miss the cursors parked under the old one.
     */
    long rowLimit() {
      return Math.min(maxRowBytes, WorkerHeap.MAX / HEAP_SHARE);
    }

    /**
     * A cursor on the file at a resume position: the one a checkpoint parked there, or a new one. A
     * file this process may not read, or that went away after it was matched, is one reject
     * ({@code unreadable_file}); other I/O failures are thrown, for the runner to retry.
     */
    TraceCursor open(TraceInput file, long from, long firstRow) throws IOException {
      try {
        if (from == 0) {
          return formats.open(TraceFile.of(file), 0, 0, rowLimit());
        }
        TraceCursor parked = ParkedCursors.take(file.getPath(), from, firstRow, rowLimit());
        (parked != null ? TraceMetrics.READS_RESUMED : TraceMetrics.READS_REOPENED).inc();
        return parked != null ? parked : formats.open(TraceFile.of(file), from, firstRow, rowLimit());
      } catch (AccessDeniedException | NoSuchFileException | FileNotFoundException e) {
        return new FileReject(from, "unreadable_file", "the file cannot be opened: " + e);
      }
    }

    RowEmitter emitter(TraceInput file, RowEmitter.Output out) {
      return new RowEmitter(file, records, rowLimit(), out);
    }
  }

  /** This process's heap, as it reported it first. */
  private static final class WorkerHeap {
    static final long MAX = Runtime.getRuntime().maxMemory();
  }

  /** Reads a lane's files one after the other, each whole. */
  static final class ReadWholeLaneFn extends DoFn<ReadLane, Trajectory> {
    private final Reading reading;

    ReadWholeLaneFn(Reading reading) {
      this.reading = reading;
    }

    @ProcessElement
    public void process(@Element ReadLane lane, MultiOutputReceiver out) throws IOException {
      RowEmitter.Output output = new Outputs(out) {
        @Override
        public void trajectory(Trajectory trajectory, long size) {
          out.get(TRAJECTORIES).output(trajectory);
        }
      };
      for (TraceInput file : lane.getFiles()) {
        try (TraceCursor cursor = reading.open(file, 0, 0)) {
          RowEmitter emitter = reading.emitter(file, output);
          while (cursor.next(emitter)) {
            // each call reads one row into the emitter
          }
        }
        TraceMetrics.FILES_READ.inc();
      }
    }
  }

  /**
   * Reads a lane's files as a splittable DoFn. A runner may checkpoint between any two rows, and the
   * reader itself stops for a checkpoint after {@link Reading#checkpointChars} of rows, so a bundle never
   * holds a whole file (the DirectRunner keeps every bundle in flight in memory). A stopped file's
   * cursor is parked for the read that resumes it. A runner may also hand whole files of the lane to
   * another worker.
   */
  @DoFn.BoundedPerElement
  static final class ReadLaneFn extends DoFn<ReadLane, List<Trajectory>> {
    /** The rows of one output element: small enough that a checkpoint's rows make many of them. */
    static final long BATCH_CHARS = 1L << 20;

    private final Reading reading;

    ReadLaneFn(Reading reading) {
      this.reading = reading;
    }

    @GetInitialRestriction
    public ReadSpan initialSpan(@Element ReadLane lane) {
      return ReadSpan.all(lane.getFiles().size());
    }

    @NewTracker
    public ReadSpanTracker newTracker(@Restriction ReadSpan span) {
      return new ReadSpanTracker(span);
    }

    @GetRestrictionCoder
    public Coder<ReadSpan> spanCoder() {
      return new ReadSpan.Coder();
    }

    /** The bytes of the files the span reaches: what runners balance work by. */
    @GetSize
    public double size(@Element ReadLane lane, @Restriction ReadSpan span) {
      int last = Math.min(ReadSpan.fileOf(span.to() - 1), lane.getFiles().size() - 1);
      double bytes = 0;
      for (int f = ReadSpan.fileOf(span.from()); f <= last; f++) {
        bytes += lane.getFiles().get(f).getSizeBytes();
      }
      return bytes;
    }

    @ProcessElement
    public ProcessContinuation process(@Element ReadLane lane,
        RestrictionTracker<ReadSpan, ReadSpan.Claim> tracker, MultiOutputReceiver out) throws IOException {
      ReadSpan span = tracker.currentRestriction();
      Batches batches = new Batches(out);
      int first = ReadSpan.fileOf(span.from());
      for (int f = first; f < lane.getFiles().size(); f++) {
        TraceInput file = lane.getFiles().get(f);
        long from = f == first ? ReadSpan.resumeAtOf(span.from()) : 0;
        TraceCursor cursor = reading.open(file, from, from > 0 ? span.firstRow() : 0);
        RowEmitter emitter = reading.emitter(file, batches);
        // Where a checkpoint taken now would resume this file: one past the last position read from.
        long resumeAt = from;
        boolean parked = false;
        try {
          while (true) {
            if (batches.chars >= reading.checkpointChars()) {
              batches.flush();
              ParkedCursors.park(file.getPath(), resumeAt, reading.rowLimit(), cursor);
              parked = true;
              return ProcessContinuation.resume();
            }
            long at = cursor.position();
            // A read that stays at the position claimed last (a file's closing reject) needs no claim.
            if (at >= resumeAt) {
              batches.holding = true;
              if (!tracker.tryClaim(
                  new ReadSpan.Claim(ReadSpan.position(f, at), cursor.nextRow() + 1, batches.holds))) {
                // Checkpoints wait while rows are held, so a refused claim finds none left to output.
                batches.checkEmpty();
                ParkedCursors.park(file.getPath(), resumeAt, reading.rowLimit(), cursor);
                parked = true;
                return ProcessContinuation.stop();
              }
              resumeAt = at + 1;
            }
            if (!cursor.next(emitter)) {
              TraceMetrics.FILES_READ.inc();
              break;
            }
          }
        } finally {
          if (!parked) {
            cursor.close();
          }
        }
        batches.flush();
      }
      tracker.tryClaim(new ReadSpan.Claim(Long.MAX_VALUE, 0)); // every file is read: the span is done
      return ProcessContinuation.stop();
    }

    /**
     * Rows leave in batches of about {@link #BATCH_CHARS}: the DirectRunner checkpoints after 100
     * outputs, and each bundle costs it about 80 ms of CPU time across the steps that follow
     * (measured by shrinking them). While a batch is being filled the tracker refuses the runner's
     * checkpoints (the DirectRunner asks for one after a second): rows already read could no longer
     * be output once the next claim failed.
     */
    private static final class Batches extends Outputs {
      private final MultiOutputReceiver out;
      private final List<Trajectory> batch = new ArrayList<>();
      private long batchChars;
      long chars;
      /** Read by the runner's checkpointing thread, through {@link #holds}. */
      volatile boolean holding;
      final BooleanSupplier holds = () -> holding;

      Batches(MultiOutputReceiver out) {
        super(out);
        this.out = out;
      }

      @Override
      public void trajectory(Trajectory trajectory, long size) {
        batch.add(trajectory);
        chars += size;
        batchChars += size;
        if (batchChars >= BATCH_CHARS) {
          flush();
        }
      }

      void checkEmpty() {
        if (!batch.isEmpty()) {
          throw new IllegalStateException(batch.size() + " rows read under a claim the runner then cut off");
        }
        holding = false;
      }

      /** Sends the rows read so far; called before the process call returns. */
      void flush() {
        if (!batch.isEmpty()) {
          out.get(BATCHES).output(List.copyOf(batch));
          batch.clear();
          batchChars = 0;
        }
        holding = false;
      }
    }
  }
}
