package io.swetraces.stats;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * {@link AnalysisStats} as plain fields rather than Java serialization. Runners encode the
 * accumulators of the summary's combine between steps, and the DirectRunner copies its buffered
 * ones each time a bundle adds one; Java serialization made that a visible share of a run.
 */
public final class AnalysisStatsCoder extends AtomicCoder<AnalysisStats> {
  private static final AnalysisStatsCoder INSTANCE = new AnalysisStatsCoder();

  private AnalysisStatsCoder() {}

  public static AnalysisStatsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(AnalysisStats value, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    value.writeTo(data);
    data.flush();
  }

  @Override
  public AnalysisStats decode(InputStream in) throws IOException {
    return AnalysisStats.readFrom(new DataInputStream(in));
  }
}
