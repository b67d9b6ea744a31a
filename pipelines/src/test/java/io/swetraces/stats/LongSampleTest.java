package io.swetraces.stats;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.Test;

public class LongSampleTest {
  /** Through the binary form the summary's coder uses. */
  private static LongSample roundTrip(LongSample s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.writeTo(new DataOutputStream(bytes));
    return LongSample.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }

  private static LongSample of(long from, long to) {
    LongSample s = new LongSample();
    for (long v = from; v <= to; v++) {
      s.add(v);
    }
    return s;
  }

  @Test
  public void histogramBinsAsNumpy() {
    // numpy.histogram(range(1, 11), bins=3) -> edges [1, 4, 7, 10], counts [3, 3, 4]
    LongSample.Histogram h = of(1, 10).histogram(3, Double.POSITIVE_INFINITY);
    assertArrayEquals(new double[] {1, 4, 7, 10}, h.edges(), 1e-12);
    assertArrayEquals(new long[] {3, 3, 4}, h.counts());
  }

  @Test
  public void clippedValuesLandInTheLastBin() {
    // numpy.histogram(pd.Series(range(1, 101)).clip(upper=97.03), bins=4): [25, 24, 24, 27]
    LongSample s = of(1, 100);
    double clip = s.quantile(0.97);
    assertEquals(97.03, clip, 1e-9);
    LongSample.Histogram h = s.histogram(4, clip);
    assertEquals(97.03, h.edges()[4], 1e-9);
    assertArrayEquals(new long[] {25, 24, 24, 27}, h.counts());
  }

  @Test
  public void aSingleValueGetsAUnitWideRange() {
    LongSample.Histogram h = of(5, 5).histogram(2, Double.POSITIVE_INFINITY);
    assertArrayEquals(new double[] {4.5, 5, 5.5}, h.edges(), 1e-12);
    assertArrayEquals(new long[] {0, 1}, h.counts());
  }

  @Test
  public void sameFiguresWhateverTheMergeOrderAndEncoding() throws IOException {
    LongSample a = of(1, 500);
    a.addAll(of(1000, 1700));
    LongSample b = roundTrip(of(1000, 1700));
    b.addAll(roundTrip(of(1, 500)));
    assertEquals(a.mean(), b.mean(), 0);
    assertEquals(a.std(), b.std(), 0);
    assertEquals(a.quantile(0.3), b.quantile(0.3), 0);
  }

  @Test
  public void beyondTheExactLimitQuantilesAreApproximateWithinTheirBound() throws Exception {
    LongSample s = new LongSample();
    int n = 3 * LongSample.EXACT_LIMIT;
    for (int i = 0; i < n; i++) {
      s.add(i % 1000);
    }
    LongSample merged = of(0, 999);
    merged.addAll(s);
    merged = roundTrip(merged);
    assertFalse(merged.isExact());
    double eps = merged.rankError();
    assertTrue("KLL k=400 is about 0.7%: " + eps, eps > 0 && eps < 0.01);
    assertEquals(n + 1000, merged.size());
    assertEquals(499.5, merged.mean(), 1e-9);
    assertEquals(0, merged.min());
    assertEquals(999, merged.max());
    assertEquals(500, merged.quantile(0.5), 1000 * eps + 1);
    assertEquals(0.5, merged.fractionAtMost(499), eps);
    long[] counts = merged.histogram(10, Double.POSITIVE_INFINITY).counts();
    assertEquals(merged.size(), Arrays.stream(counts).sum(), 10);
    for (long c : counts) {
      assertEquals(merged.size() / 10.0, c, 2 * eps * merged.size());
    }
  }
}
