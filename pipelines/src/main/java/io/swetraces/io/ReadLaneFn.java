package io.swetraces.io;

import io.swetraces.model.RawRow;
import java.io.IOException;
import java.util.List;
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
final class ReadLaneFn extends DoFn<ReadLane, RawRow> {
  /**
   * Rows read between checkpoints. A compressed file is read on to its end instead: resuming it
   * decompresses everything before the resume position again.
   */
  static final long CHECKPOINT_CHARS = 16L << 20;

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
          new ClaimingEmitter(input, out, maxRowBytes, f, tracker, file.isCompressed() ? Long.MAX_VALUE : budget);
      ReadTraces.read(file, formats, from, from > 0 ? span.firstRow() : 0, emitter);
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
   * pauses for a checkpoint, unclaimed, once its rows reach the budget.
   */
  private static final class ClaimingEmitter extends ReadTraces.Emitter {
    private final int index;
    private final RestrictionTracker<ReadSpan, ReadSpan.Claim> tracker;
    private final long budget;
    private long chars;
    private boolean refused;
    private boolean paused;

    ClaimingEmitter(TraceInput file, MultiOutputReceiver out, long maxRowBytes, int index,
        RestrictionTracker<ReadSpan, ReadSpan.Claim> tracker, long budget) {
      super(file, out, maxRowBytes);
      this.index = index;
      this.tracker = tracker;
      this.budget = budget;
    }

    @Override
    void emit(RawRow row) {
      chars += row.getJson().length();
      super.emit(row);
    }

    @Override
    public boolean claim(long resumeAt, long nextRow) {
      if (chars >= budget) {
        paused = true;
        return false;
      }
      refused = !tracker.tryClaim(new ReadSpan.Claim(ReadSpan.position(index, resumeAt), nextRow));
      return !refused;
    }
  }
}
