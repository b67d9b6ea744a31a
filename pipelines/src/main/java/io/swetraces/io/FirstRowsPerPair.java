package io.swetraces.io;

import io.swetraces.model.AgentModel;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.transforms.TraceMetrics;
import io.swetraces.transforms.WithRejects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The first N trajectories of each (agent, model) pair, first by file name and then by row position,
 * the way the tutorial takes the first N rows of each split ({@code PER_COMBO}). The choice depends
 * only on the data, so every runner keeps the same rows.
 *
 * <p>Two steps. {@link Read}: files whose pair is known before reading them (a dataset's config and
 * split, the Hub's path layout, {@code --agent} and {@code --model}) are read in name order only
 * until their pair has N trajectories, so a sample of a remote dataset costs the bytes of N rows,
 * not of whole shards; the other files are read whole. {@link Keep}: of everything read, the first N
 * of each pair stay, the rest are counted as sampled out. Only row references are grouped, never
 * whole trajectories.
 */
final class FirstRowsPerPair {
  private FirstRowsPerPair() {}

  /** Reads no further than the first N trajectories of each pair wherever a file's pair is known. */
  static final class Read extends PTransform<PCollection<TraceInput>, FilesRead> {
    private static final TupleTag<KV<AgentModel, TraceInput>> KNOWN_PAIR = new TupleTag<>() {};
    private static final TupleTag<TraceInput> ROWS_DECIDE = new TupleTag<>() {};

    private final int limit;
    private final ReadLanes.Reading reading;
    private final PTransform<PCollection<TraceInput>, FilesRead> readWhole;

    /** {@code readWhole} reads the files whose rows decide their pair. */
    Read(int limit, ReadLanes.Reading reading, PTransform<PCollection<TraceInput>, FilesRead> readWhole) {
      this.limit = limit;
      this.reading = reading;
      this.readWhole = readWhole;
    }

    @Override
    public FilesRead expand(PCollection<TraceInput> files) {
      PCollectionTuple byPair = files.apply("FilePairs",
          ParDo.of(new FilePairFn(reading)).withOutputTags(KNOWN_PAIR, TupleTagList.of(ROWS_DECIDE)));
      PCollectionTuple sampled =
          byPair.get(KNOWN_PAIR)
              .setCoder(KvCoder.of(SchemaCoders.of(files.getPipeline(), AgentModel.class), files.getCoder()))
              .apply("FilesPerPair", GroupByKey.create())
              .apply("ReadFirstRows", ParDo.of(new ReadFirstRowsFn(limit, reading)).withOutputTags(
                  FilesRead.TRAJECTORIES,
                  TupleTagList.of(FilesRead.REJECTS).and(FilesRead.LABELS).and(FilesRead.NOT_TRAJECTORIES)));
      FilesRead whole = byPair.get(ROWS_DECIDE).apply("ReadWholeFiles", readWhole);
      return new FilesRead(sampled).and("AllRead", whole);
    }
  }

  /** Keys files by the pair all their rows get, or passes them on when their rows decide. */
  static final class FilePairFn extends DoFn<TraceInput, KV<AgentModel, TraceInput>> {
    private final ReadLanes.Reading reading;

    FilePairFn(ReadLanes.Reading reading) {
      this.reading = reading;
    }

    @ProcessElement
    public void process(@Element TraceInput file, MultiOutputReceiver out) {
      AgentModel pair = reading.records().parser().filePair(file.getPath(), file.getAgent(), file.getModel());
      if (pair == null) {
        out.get(Read.ROWS_DECIDE).output(file);
      } else {
        out.get(Read.KNOWN_PAIR).output(KV.of(pair, file));
      }
    }
  }

  /** Reads one pair's files in name order, as the limit's row order has it, until it is reached. */
  static final class ReadFirstRowsFn extends DoFn<KV<AgentModel, Iterable<TraceInput>>, Trajectory> {
    private final int limit;
    private final ReadLanes.Reading reading;

    ReadFirstRowsFn(int limit, ReadLanes.Reading reading) {
      this.limit = limit;
      this.reading = reading;
    }

    @ProcessElement
    public void process(@Element KV<AgentModel, Iterable<TraceInput>> pair, MultiOutputReceiver out)
        throws IOException {
      List<TraceInput> files = new ArrayList<>();
      pair.getValue().forEach(files::add);
      files.sort(Comparator.comparing(TraceInput::getPath));
      long[] trajectories = {0};
      RowEmitter.Output output = new ReadLanes.Outputs(out) {
        @Override
        public void trajectory(Trajectory trajectory, long size) {
          trajectories[0]++;
          out.get(FilesRead.TRAJECTORIES).output(trajectory);
        }
      };
      for (TraceInput file : files) {
        if (trajectories[0] >= limit) {
          TraceMetrics.FILES_NOT_READ.inc();
          continue;
        }
        try (TraceCursor cursor = reading.open(file, 0, 0)) {
          RowEmitter emitter = reading.emitter(file, output);
          while (trajectories[0] < limit && cursor.next(emitter)) {
            // each call reads one row into the emitter
          }
        }
      }
    }
  }

  /** Keeps the first N trajectories of each pair and counts the others as sampled out. */
  static final class Keep extends PTransform<PCollection<Trajectory>, PCollectionTuple> {
    static final TupleTag<Trajectory> KEPT = new TupleTag<>() {};
    static final TupleTag<Long> SAMPLED_OUT = new TupleTag<>() {};

    private final int limit;

    Keep(int limit) {
      this.limit = limit;
    }

    /** The kept trajectories ({@link #KEPT}), and how many were sampled out ({@link #SAMPLED_OUT}, one sum). */
    @Override
    public PCollectionTuple expand(PCollection<Trajectory> trajectories) {
      PCollectionView<Map<String, Boolean>> kept =
          trajectories
              .apply("RowRefsPerPair",
                  MapElements.into(TypeDescriptors.kvs(TypeDescriptor.of(AgentModel.class), TypeDescriptors.strings()))
                      .via(t -> KV.of(t.agentModel(), ref(t))))
              .setCoder(KvCoder.of(SchemaCoders.of(trajectories.getPipeline(), AgentModel.class),
                  StringUtf8Coder.of()))
              .apply("FirstRowsPerPair", Top.smallestPerKey(limit))
              .apply("KeptRefs",
                  FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.booleans()))
                      .via(kv -> kv.getValue().stream().map(r -> KV.of(r, true)).collect(Collectors.toList())))
              .apply("AsLookup", View.asMap());
      PCollectionTuple split = trajectories.apply("KeepFirstRows",
          ParDo.of(new KeepFn(kept)).withSideInputs(kept).withOutputTags(KEPT, TupleTagList.of(SAMPLED_OUT)));
      return PCollectionTuple.of(KEPT, split.get(KEPT))
          .and(SAMPLED_OUT, split.get(SAMPLED_OUT).apply("CountSampledOut", Sum.longsGlobally()));
    }
  }

  /** Sorts as (file, position): positions are zero-padded to the width of a long. */
  static String ref(Trajectory t) {
    return t.getSource() + '\u0000' + String.format("%019d", t.getPosition());
  }

  private static final class KeepFn extends DoFn<Trajectory, Trajectory> {
    private final PCollectionView<Map<String, Boolean>> kept;

    KeepFn(PCollectionView<Map<String, Boolean>> kept) {
      this.kept = kept;
    }

    @ProcessElement
    public void process(@Element Trajectory t, MultiOutputReceiver out, ProcessContext c) {
      if (c.sideInput(kept).containsKey(ref(t))) {
        out.get(Keep.KEPT).output(t);
      } else {
        out.get(Keep.SAMPLED_OUT).output(1L);
      }
    }
  }
}
