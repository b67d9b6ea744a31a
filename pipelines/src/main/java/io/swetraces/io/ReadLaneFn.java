package io.swetraces.io;

import io.swetraces.model.RawRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;

/**
 * Reads a lane's files as a splittable DoFn. A runner may checkpoint between any two resume
 * positions, and the reader itself stops for a checkpoint after {@link #CHECKPOINT_CHARS} of rows
 * of an uncompressed file, so a bundle never holds a whole file (the DirectRunner keeps every
 * bundle in flight in memory). A runner may also hand whole files of the lane to another worker.
 */
@DoFn.BoundedPerElement
final class ReadLaneFn extends DoFn<ReadLane, List<RawRow>> {
  /**
   * Rows read between checkpoints. A compressed file is read on to its end instead: resuming it
   * decompresses everything before the resume position again.
   */
  static final long CHECKPOINT_CHARS = 16L << 20;

  /** The rows of one output element: small enough that a checkpoint's rows make many of them. */
  static final long BATCH_CHARS = 1L << 20;

  private final List<TraceFormat> formats;
  private final long maxRowBytes;

  ReadLaneFn(List<TraceFormat> formats, long maxRowBytes) {
    this.formats = formats;
    this.maxRowBytes = maxRowBytes;
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
    int first = ReadSpan.fileOf(span.from());
    long budget = CHECKPOINT_CHARS;
    for (int f = first; f < lane.getFiles().size(); f++) {
      TraceInput input = lane.getFiles().get(f);
      TraceFile file = TraceFile.of(input);
      long from = f == first ? ReadSpan.resumeAtOf(span.from()) : 0;
      ClaimingEmitter emitter =
          file.isCompressed()
              // Read on to the end, a row per output, so that the runner's own checkpoints bound it.
              ? new ClaimingEmitter(input, out, maxRowBytes, f, tracker, Long.MAX_VALUE, 0)
              : new ClaimingEmitter(input, out, maxRowBytes, f, tracker, budget, BATCH_CHARS);
      ReadTraces.read(file, formats, from, from > 0 ? span.firstRow() : 0, emitter);
      emitter.flush();
      if (emitter.paused) {
        return ProcessContinuation.resume();
      }
      if (emitter.refused) {
        return ProcessContinuation.stop();
      }
      budget -= emitter.chars;
    }
    tracker.tryClaim(new ReadSpan.Claim(Long.MAX_VALUE, 0)); // every file is read: the span is done
    return ProcessContinuation.stop();
  }

  /**
   * Claims each resume position of file {@code index} from the tracker before reading on, and
   * pauses for a checkpoint, unclaimed, once its rows reach the budget. Rows leave in batches of
   * about {@code batchLimit} characters: the DirectRunner checkpoints after 100 outputs, and each bundle
   * costs it about 80 ms of CPU time across the steps that follow (measured by shrinking them). While
   * a batch is being filled the tracker refuses the runner's checkpoints (the DirectRunner asks for
   * one after a second): rows already read could no longer be output once the next claim failed.
   */
  private static final class ClaimingEmitter extends ReadTraces.Emitter {
    private final int index;
    private final RestrictionTracker<ReadSpan, ReadSpan.Claim> tracker;
    private final long budget;
    private final long batchLimit;
    private final List<RawRow> batch = new ArrayList<>();
    private long batchChars;
    private long chars;
    private boolean refused;
    private boolean paused;
    /** Read by the runner's checkpointing thread, through {@link #holding}. */
    private volatile boolean holdsRows;
    private final BooleanSupplier holding = () -> holdsRows;

    ClaimingEmitter(TraceInput file, MultiOutputReceiver out, long maxRowBytes, int index,
        RestrictionTracker<ReadSpan, ReadSpan.Claim> tracker, long budget, long batchLimit) {
      super(file, out, maxRowBytes);
      this.index = index;
      this.tracker = tracker;
      this.budget = budget;
      this.batchLimit = batchLimit;
    }

    @Override
    void emit(RawRow row) {
      int length = row.getJson().length();
      chars += length;
      batch.add(row);
      batchChars += length;
      if (batchChars >= batchLimit) {
        flush();
      }
    }

    /** Sends the rows read so far; called before the process call returns. */
    void flush() {
      if (!batch.isEmpty()) {
        out.get(ReadTraces.ROW_BATCHES).output(List.copyOf(batch));
        batch.clear();
        batchChars = 0;
      }
      holdsRows = false;
    }

    @Override
    public boolean claim(long resumeAt, long nextRow) {
      if (chars >= budget) {
        paused = true;
        return false;
      }
      // Set before claiming: a checkpoint right after the claim would leave the row it reads held.
      holdsRows = batchLimit > 0;
      refused = !tracker.tryClaim(
          new ReadSpan.Claim(ReadSpan.position(index, resumeAt), nextRow, holding));
      return !refused;
    }
  }
}
