package io.swetraces.transforms;

import io.swetraces.curate.Conversations;
import io.swetraces.curate.MinHash;
import io.swetraces.model.Trajectory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Near-duplicate trajectories: what their assistant said is alike ({@link MinHash} signatures at
 * least {@code threshold} similar) though not the same. Candidates meet in LSH bands, grouped by
 * band key, so no step holds more than one band's rows; in each, a row alike to a better-ranked one
 * ({@link Conversations#rank}) is noted as standing in for it. Only rows still candidates for the
 * SFT set take part.
 */
final class NearDuplicates extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private final double threshold;
  private final CurationMode mode;
  private final String reason;

  NearDuplicates(double threshold, CurationMode mode, String reason) {
    this.threshold = threshold;
    this.mode = mode;
    this.reason = reason;
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    if (mode == CurationMode.OFF) {
      return trajectories;
    }
    PCollectionView<Map<String, String>> alike = trajectories
        .apply("BandsOfSignatures", ParDo.of(new BandFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of())))
        .apply("ByBand", GroupByKey.create())
        .apply("AlikeToABetterOne", ParDo.of(new AlikeFn(threshold)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("BestOfEach", Combine.perKey((SerializableBiFunction<String, String, String>)
            (a, b) -> a.compareTo(b) <= 0 ? a : b))
        .apply("AlikeLookup", View.asMap());
    return trajectories.apply("Note",
        ParDo.of(new KeepBestPerKey.NoteFn(alike, mode, reason)).withSideInputs(alike));
  }

  /** band key → (rank, row key, ref; signature). */
  static final class BandFn extends DoFn<Trajectory, KV<String, KV<String, byte[]>>> {
    @ProcessElement
    public void process(@Element Trajectory t, OutputReceiver<KV<String, KV<String, byte[]>>> out) {
      if (t.getSftDropReason() != null) {
        return;
      }
      long[] signature = MinHash.signature(t);
      if (signature == null) {
        return;
      }
      ByteBuffer bytes = ByteBuffer.allocate(signature.length * Long.BYTES);
      bytes.asLongBuffer().put(signature);
      String row = KeepBestPerKey.candidate(t);
      for (int band = 0; band < MinHash.BANDS; band++) {
        out.output(KV.of(MinHash.bandKey(signature, band), KV.of(row, bytes.array())));
      }
    }
  }

  /** Each row of a band alike to a better-ranked one, with that one as "rank\nref". */
  static final class AlikeFn extends DoFn<KV<String, Iterable<KV<String, byte[]>>>, KV<String, String>> {
    private final double threshold;

    AlikeFn(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, byte[]>>> band, OutputReceiver<KV<String, String>> out) {
      List<KV<String, byte[]>> rows = new ArrayList<>();
      band.getValue().forEach(rows::add);
      if (rows.size() < 2) {
        return;
      }
      rows.sort((a, b) -> a.getKey().compareTo(b.getKey()));
      List<long[]> signatures = rows.stream().map(r -> {
        long[] s = new long[MinHash.PERMUTATIONS];
        ByteBuffer.wrap(r.getValue()).asLongBuffer().get(s);
        return s;
      }).toList();
      // Compared with the rows kept so far only: a band of many alike rows costs linear time.
      List<Integer> kept = new ArrayList<>(List.of(0));
      for (int j = 1; j < rows.size(); j++) {
        Integer alikeTo = null;
        for (int i : kept) {
          if (MinHash.similarity(signatures.get(i), signatures.get(j)) >= threshold) {
            alikeTo = i;
            break;
          }
        }
        if (alikeTo == null) {
          kept.add(j);
        } else {
          out.output(KV.of(KeepBestPerKey.rowKeyOf(rows.get(j).getKey()),
              KeepBestPerKey.rankAndRefOf(rows.get(alikeTo).getKey())));
        }
      }
    }
  }
}
