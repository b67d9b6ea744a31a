package io.swetraces.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.transforms.splittabledofn.SplitResult;
import org.junit.Test;

public class ReadSpanTrackerTest {
  private static ReadSpan.Claim claim(int file, long resumeAt, long nextRow) {
    return new ReadSpan.Claim(ReadSpan.position(file, resumeAt), nextRow);
  }

  @Test
  public void checkpointResumesAfterTheLastClaimWithItsRowNumber() {
    ReadSpanTracker tracker = new ReadSpanTracker(ReadSpan.all(3));
    assertTrue(tracker.tryClaim(claim(0, 0, 1)));
    assertTrue(tracker.tryClaim(claim(0, 812, 2)));
    SplitResult<ReadSpan> split = tracker.trySplit(0);
    assertEquals(new ReadSpan(0, ReadSpan.position(0, 813), 0), split.getPrimary());
    assertEquals(new ReadSpan(ReadSpan.position(0, 813), ReadSpan.position(3, 0), 2), split.getResidual());
    assertFalse(tracker.tryClaim(claim(0, 1500, 3)));
    tracker.checkDone();
  }

  @Test
  public void noCheckpointWhileTheReaderHoldsRows() {
    ReadSpanTracker tracker = new ReadSpanTracker(ReadSpan.all(1));
    boolean[] holds = {true};
    assertTrue(tracker.tryClaim(new ReadSpan.Claim(ReadSpan.position(0, 0), 1, () -> holds[0])));
    assertNull(tracker.trySplit(0));
    holds[0] = false;
    assertEquals(new ReadSpan(ReadSpan.position(0, 1), ReadSpan.position(1, 0), 1), tracker.trySplit(0).getResidual());
  }

  @Test
  public void checkpointBeforeAnyClaimHandsOverEverything() {
    ReadSpan span = new ReadSpan(ReadSpan.position(1, 40), ReadSpan.position(2, 0), 7);
    SplitResult<ReadSpan> split = new ReadSpanTracker(span).trySplit(0);
    assertEquals(span, split.getResidual());
    assertEquals(split.getPrimary().from(), split.getPrimary().to());
  }

  @Test
  public void splitForParallelismHandsOverWholeFiles() {
    ReadSpanTracker tracker = new ReadSpanTracker(ReadSpan.all(5));
    assertTrue(tracker.tryClaim(claim(1, 30, 4)));
    SplitResult<ReadSpan> split = tracker.trySplit(0.5);
    assertEquals(new ReadSpan(ReadSpan.position(3, 0), ReadSpan.position(5, 0), 0), split.getResidual());
    assertTrue(tracker.tryClaim(claim(2, 0, 1)));
    assertFalse(tracker.tryClaim(claim(3, 0, 1)));
    tracker.checkDone();
  }

  @Test
  public void noSplitWithinTheLastFile() {
    ReadSpanTracker tracker = new ReadSpanTracker(ReadSpan.all(2));
    assertTrue(tracker.tryClaim(claim(1, 0, 1)));
    assertNull(tracker.trySplit(0.5));
  }

  @Test
  public void unfinishedSpanIsNotDone() {
    ReadSpanTracker tracker = new ReadSpanTracker(ReadSpan.all(2));
    assertTrue(tracker.tryClaim(claim(0, 0, 1)));
    assertThrows(IllegalStateException.class, tracker::checkDone);
    assertFalse(tracker.tryClaim(new ReadSpan.Claim(Long.MAX_VALUE, 0)));
    tracker.checkDone();
  }

  @Test
  public void claimsMustIncrease() {
    ReadSpanTracker tracker = new ReadSpanTracker(ReadSpan.all(2));
    assertTrue(tracker.tryClaim(claim(0, 10, 1)));
    assertThrows(IllegalStateException.class, () -> tracker.tryClaim(claim(0, 10, 2)));
  }

  @Test
  public void coderRoundTrips() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(new ReadSpan.Coder(), new ReadSpan(ReadSpan.position(4, 99), Long.MAX_VALUE, 12));
  }
}
