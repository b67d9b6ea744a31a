package io.swetraces.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Deals files into lanes, each read file after file: at most {@code lanes} lanes of about equal
 * bytes, or, with 0 lanes, one lane per file. A runner that keeps every unfinished bundle in memory,
 * as the DirectRunner does, then holds a few reads' rows rather than every file's. The lanes are
 * then spread over the workers in turn.
 */
final class PlanLanes extends PTransform<PCollection<TraceInput>, PCollection<ReadLane>> {
  private final int lanes;

  PlanLanes(int lanes) {
    if (lanes < 0) {
      throw new IllegalArgumentException("concurrent reads must be 0 or more, got " + lanes);
    }
    this.lanes = lanes;
  }

  @Override
  public PCollection<ReadLane> expand(PCollection<TraceInput> files) {
    PCollection<ReadLane> planned =
        lanes == 0
            ? files.apply("LanePerFile",
                MapElements.into(TypeDescriptor.of(ReadLane.class)).via(file -> ReadLane.of(List.of(file))))
            : files.apply("AllFiles", WithKeys.of(0)).setCoder(KvCoder.of(VarIntCoder.of(), files.getCoder()))
                .apply("GatherFiles", GroupByKey.create())
                .apply("DealFiles", ParDo.of(new DealFn(lanes)));
    return planned.apply("SpreadLanes", Reshuffle.viaRandomKey());
  }

  /**
   * Deals files to at most {@code lanes} lanes, largest first to the lightest lane; each lane in path
   * order.
   */
  static List<ReadLane> deal(Iterable<TraceInput> all, int lanes) {
    List<TraceInput> files = new ArrayList<>();
    all.forEach(files::add);
    files.sort(Comparator.comparingLong(TraceInput::getSizeBytes).reversed().thenComparing(TraceInput::getPath));
    List<List<TraceInput>> dealt = new ArrayList<>();
    long[] bytes = new long[Math.min(lanes, files.size())];
    for (int i = 0; i < bytes.length; i++) {
      dealt.add(new ArrayList<>());
    }
    for (TraceInput file : files) {
      int lightest = 0;
      for (int i = 1; i < bytes.length; i++) {
        lightest = bytes[i] < bytes[lightest] ? i : lightest;
      }
      dealt.get(lightest).add(file);
      bytes[lightest] += file.getSizeBytes();
    }
    List<ReadLane> out = new ArrayList<>();
    for (List<TraceInput> lane : dealt) {
      lane.sort(Comparator.comparing(TraceInput::getPath));
      out.add(ReadLane.of(lane));
    }
    return out;
  }

  static final class DealFn extends DoFn<KV<Integer, Iterable<TraceInput>>, ReadLane> {
    private final int lanes;

    DealFn(int lanes) {
      this.lanes = lanes;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<TraceInput>> all, OutputReceiver<ReadLane> out) {
      deal(all.getValue(), lanes).forEach(out::output);
    }
  }
}
