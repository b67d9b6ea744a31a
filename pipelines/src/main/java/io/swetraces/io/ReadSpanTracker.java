package io.swetraces.io;

import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Claims positions of a {@link ReadSpan} in increasing order. A checkpoint resumes just after the
 * last claim, with that claim's row number, and is refused while the reader holds rows it has not
 * output; a split for parallelism hands over whole files, whose rows number from 0, so row numbers
 * stay exact either way.
 */
final class ReadSpanTracker extends RestrictionTracker<ReadSpan, ReadSpan.Claim> {
  private ReadSpan span;
  private ReadSpan.@Nullable Claim lastClaimed;
  private long lastAttempted = -1;

  ReadSpanTracker(ReadSpan span) {
    this.span = span;
  }

  @Override
  public boolean tryClaim(ReadSpan.Claim claim) {
    if (claim.position() <= lastAttempted || claim.position() < span.from()) {
      throw new IllegalStateException("claims must increase: " + claim + " after " + lastAttempted);
    }
    lastAttempted = claim.position();
    if (claim.position() >= span.to()) {
      return false;
    }
    lastClaimed = claim;
    return true;
  }

  @Override
  public @Nullable SplitResult<ReadSpan> trySplit(double fractionOfRemainder) {
    long splitAt;
    long firstRow;
    if (fractionOfRemainder == 0) {
      if (holdsRows()) {
        return null;
      }
      splitAt = lastClaimed == null ? span.from() : lastClaimed.position() + 1;
      firstRow = lastClaimed == null ? span.firstRow() : lastClaimed.nextRow();
    } else {
      int current = ReadSpan.fileOf(lastClaimed == null ? span.from() : lastClaimed.position());
      int end = ReadSpan.fileOf(span.to() - 1) + 1;
      int split = current + 1 + (int) ((end - current - 1) * fractionOfRemainder);
      splitAt = ReadSpan.position(split, 0);
      firstRow = 0;
    }
    if (splitAt >= span.to() || splitAt <= lastAttempted) {
      return null;
    }
    ReadSpan primary = new ReadSpan(span.from(), splitAt, span.firstRow());
    ReadSpan residual = new ReadSpan(splitAt, span.to(), firstRow);
    span = primary;
    return SplitResult.of(primary, residual);
  }

  /** Whether the reader holds rows read under the claims so far that it has not output yet. */
  private boolean holdsRows() {
    BooleanSupplier holds = lastClaimed == null ? null : lastClaimed.holdsRows();
    return holds != null && holds.getAsBoolean();
  }

  @Override
  public ReadSpan currentRestriction() {
    return span;
  }

  @Override
  public void checkDone() {
    if (span.from() < span.to() && lastAttempted < span.to() - 1) {
      throw new IllegalStateException("positions from " + (lastAttempted + 1) + " to " + span.to() + " are unread");
    }
  }

  @Override
  public IsBounded isBounded() {
    return IsBounded.BOUNDED;
  }
}
