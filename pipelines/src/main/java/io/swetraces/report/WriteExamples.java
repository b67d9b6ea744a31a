package io.swetraces.report;

import io.swetraces.fs.AtomicFiles;
import io.swetraces.model.Trajectory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes {@code examples.html} ({@link ExamplesPage}) from the curated trajectories, kept and
 * dropped: in each group ({@link ExamplesPage#KEPT} or a drop reason), the few with the smallest
 * sample key, a hash of the row's file name, place and id, so the sample is the same on every
 * runner and in every run. Outputs the page's path, for what must come after it.
 *
 * <p>No step holds more than a few trajectories per group: each worker keeps its own smallest few
 * and passes on only those that entered them during a bundle, at its end (about few × ln(rows) in
 * all, as the keys come in random order), and the final choice combines those. A grouped combine
 * over every trajectory would hold them all until the input ends on the DirectRunner.
 */
public final class WriteExamples extends PTransform<PCollectionList<Trajectory>, PCollection<String>> {
  /** Examples shown per group. */
  public static final int PER_GROUP = 3;

  private final String directory;

  private WriteExamples(String directory) {
    this.directory = directory;
  }

  /** {@code directory} is the report's folder, on any Beam file system. */
  public static WriteExamples to(String directory) {
    return new WriteExamples(directory);
  }

  @Override
  public PCollection<String> expand(PCollectionList<Trajectory> curated) {
    PCollectionList<KV<String, Trajectory>> candidates = PCollectionList.empty(curated.getPipeline());
    for (int i = 0; i < curated.size(); i++) {
      candidates = candidates.and(curated.get(i).apply("Candidates" + i, ParDo.of(new CandidatesFn(PER_GROUP))));
    }
    PCollectionView<List<KV<String, List<Trajectory>>>> sample = candidates
        .apply("AllCandidates", Flatten.pCollections())
        .apply("SmallestKeysPerGroup", Top.perKey(PER_GROUP, new SmallestKeyFirst()))
        .apply("Sample", View.asList());
    return curated.getPipeline()
        .apply("ExamplesTrigger", Create.of("examples"))
        .apply("RenderExamples", ParDo.of(new WriteExamplesFn(directory, sample)).withSideInputs(sample));
  }

  /** The group a curated trajectory is shown in. */
  static String group(Trajectory t) {
    return t.getSftDropReason() == null ? ExamplesPage.KEPT : t.getSftDropReason();
  }

  /**
   * The order of the sample: a hash of what identifies the row whatever the file system (its file's
   * name, its place, its id), then its full path to break ties.
   */
  static String sampleKey(Trajectory t) {
    String file = t.getSource().substring(t.getSource().lastIndexOf('/') + 1);
    String identity = file + "#" + t.getPosition() + "#" + t.getTrajectoryId() + "#" + t.getInstanceId();
    long hash = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    return String.format("%016x#%s#%d", hash, t.getSource(), t.getPosition());
  }

  /** Top keeps the largest: the largest here is the smallest sample key. */
  static final class SmallestKeyFirst implements Comparator<Trajectory>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Trajectory a, Trajectory b) {
      return sampleKey(b).compareTo(sampleKey(a));
    }
  }

  /** Keeps each group's smallest few keys seen by this worker; passes on those new at a bundle's end. */
  static final class CandidatesFn extends DoFn<Trajectory, KV<String, Trajectory>> {
    private final int perGroup;
    private transient Map<String, TreeMap<String, Trajectory>> best;
    private transient Map<String, Map<String, Trajectory>> entered;

    CandidatesFn(int perGroup) {
      this.perGroup = perGroup;
    }

    @Setup
    public void setup() {
      best = new HashMap<>();
      entered = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element Trajectory t) {
      String group = group(t);
      String key = sampleKey(t);
      TreeMap<String, Trajectory> kept = best.computeIfAbsent(group, g -> new TreeMap<>());
      if (kept.size() == perGroup && key.compareTo(kept.lastKey()) >= 0) {
        return;
      }
      kept.put(key, t);
      Map<String, Trajectory> fresh = entered.computeIfAbsent(group, g -> new LinkedHashMap<>());
      fresh.put(key, t);
      if (kept.size() > perGroup) {
        fresh.remove(kept.pollLastEntry().getKey());
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext out) {
      entered.forEach((group, fresh) -> fresh.values()
          .forEach(t -> out.output(KV.of(group, t), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE)));
      entered.clear();
    }
  }

  static final class WriteExamplesFn extends DoFn<String, String> {
    private final String directory;
    private final PCollectionView<List<KV<String, List<Trajectory>>>> sample;

    WriteExamplesFn(String directory, PCollectionView<List<KV<String, List<Trajectory>>>> sample) {
      this.directory = directory;
      this.sample = sample;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      Map<String, List<Trajectory>> groups = new TreeMap<>();
      for (KV<String, List<Trajectory>> group : c.sideInput(sample)) {
        groups.put(group.getKey(), group.getValue());
      }
      var target = FileSystems.matchNewResource(directory, true)
          .resolve("examples.html", StandardResolveOptions.RESOLVE_FILE);
      AtomicFiles.write(target, MimeTypes.TEXT, ExamplesPage.render(groups).getBytes(StandardCharsets.UTF_8));
      c.output(target.toString());
    }
  }
}
