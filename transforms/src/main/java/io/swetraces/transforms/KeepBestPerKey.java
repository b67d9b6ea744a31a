package io.swetraces.transforms;

import io.swetraces.curate.Conversations;
import io.swetraces.model.Trajectory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A curation stage over groups: of the trajectories sharing a key (a conversation's hash, an
 * instance), the best {@code keep} by {@link Conversations#rank} stay, the others are noted as
 * standing in for the first one and, in {@link CurationMode#DROP}, dropped under the stage's reason.
 * Only a key and a rank per row are grouped, never whole trajectories, and only the rows left out
 * travel to the workers, as a side input: the same rows on every runner.
 */
final class KeepBestPerKey extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  /** The key rows are grouped by; null leaves a row out of every group. */
  interface GroupKey extends Serializable {
    @Nullable String of(Trajectory t);
  }

  private final GroupKey key;
  private final int keep;
  private final CurationMode mode;
  private final String reason;

  KeepBestPerKey(GroupKey key, int keep, CurationMode mode, String reason) {
    this.key = key;
    this.keep = keep;
    this.mode = mode;
    this.reason = reason;
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    if (mode == CurationMode.OFF || keep <= 0) {
      return trajectories;
    }
    PCollectionView<Map<String, String>> leftOut = trajectories
        .apply("KeyAndRank", ParDo.of(new KeyFn(key)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply("GroupByKey", GroupByKey.create())
        .apply("BeyondTheBest", ParDo.of(new LeftOutFn(keep)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("LeftOutLookup", View.asMap());
    return trajectories.apply("Note", ParDo.of(new NoteFn(leftOut, mode, reason)).withSideInputs(leftOut));
  }

  /** A candidate as grouping steps carry it: {@code rank \n rowKey \n ref} (ranks have no line breaks). */
  static String candidate(Trajectory t) {
    return Conversations.rank(t) + "\n" + Conversations.rowKey(t) + "\n" + Conversations.ref(t);
  }

  static String rowKeyOf(String candidate) {
    return candidate.split("\n", 3)[1];
  }

  /** {@code rank \n ref}: which of several best rows a row names sorts by the rank. */
  static String rankAndRefOf(String candidate) {
    String[] parts = candidate.split("\n", 3);
    return parts[0] + "\n" + parts[2];
  }

  /** key → (rank, the row's key and its ref); only rows still candidates for the SFT set. */
  static final class KeyFn extends DoFn<Trajectory, KV<String, KV<String, String>>> {
    private final GroupKey key;

    KeyFn(GroupKey key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element Trajectory t, OutputReceiver<KV<String, KV<String, String>>> out) {
      String k = t.getSftDropReason() == null ? key.of(t) : null;
      if (k != null) {
        out.output(KV.of(k, KV.of(Conversations.rank(t), Conversations.rowKey(t) + "\n" + Conversations.ref(t))));
      }
    }
  }

  /** The rows of a group after its best {@code keep}, each with the ref of the best. */
  static final class LeftOutFn extends DoFn<KV<String, Iterable<KV<String, String>>>, KV<String, String>> {
    private final int keep;

    LeftOutFn(int keep) {
      this.keep = keep;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, String>>> group, OutputReceiver<KV<String, String>> out) {
      List<KV<String, String>> rows = new ArrayList<>();
      group.getValue().forEach(rows::add);
      if (rows.size() <= keep) {
        return;
      }
      rows.sort((a, b) -> a.getKey().compareTo(b.getKey()));
      String best = rows.get(0).getKey() + "\n"
          + rows.get(0).getValue().substring(rows.get(0).getValue().indexOf('\n') + 1);
      for (KV<String, String> row : rows.subList(keep, rows.size())) {
        out.output(KV.of(row.getValue().substring(0, row.getValue().indexOf('\n')), best));
      }
    }
  }

  static final class NoteFn extends DoFn<Trajectory, Trajectory> {
    private final PCollectionView<Map<String, String>> leftOut;
    private final CurationMode mode;
    private final String reason;

    NoteFn(PCollectionView<Map<String, String>> leftOut, CurationMode mode, String reason) {
      this.leftOut = leftOut;
      this.mode = mode;
      this.reason = reason;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Trajectory t = c.element();
      String best = c.sideInput(leftOut).get(Conversations.rowKey(t));
      if (best == null) {
        c.output(t);
        return;
      }
      best = best.substring(best.indexOf('\n') + 1); // "rank \n ref": the rank only chose among bests
      Trajectory.Builder noted = t.toBuilder().setDuplicateOf(best);
      if (mode == CurationMode.DROP && t.getSftDropReason() == null) {
        noted.setSftDropReason(reason);
      }
      c.output(noted.build());
    }
  }
}
