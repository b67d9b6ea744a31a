package io.swetraces.io;

import io.swetraces.model.RawRow;
import io.swetraces.model.Reject;
import io.swetraces.parse.BadRowException;
import io.swetraces.parse.TrajectoryParser;
import io.swetraces.transforms.TraceMetrics;
import io.swetraces.transforms.WithRejects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads trajectory rows from files matching some patterns, on any Beam file system. The format is
 * chosen per file by its name ({@code .parquet}, {@code .jsonl}, {@code .json}, each optionally
 * compressed); what cannot be read comes out as a reject, never as an exception.
 *
 * <p>Files are read by a splittable DoFn ({@link ReadLaneFn}), a lane of files at a time, so
 * runners can checkpoint a read between rows and a bundle never holds a whole file; or, {@link
 * #withSplittableReads} false, a lane at a time by a plain DoFn. With {@link
 * #withFirstRowsPerCombo}, files whose (agent, model) pair is known before reading them are read in
 * name order only until that pair has its N rows: a sample of a remote dataset costs the bytes of N
 * rows, not of whole shards.
 */
public final class ReadTraces extends PTransform<PBegin, WithRejects<RawRow>> {
  /** The formats read unless told otherwise. */
  public static final List<TraceFormat> DEFAULT_FORMATS =
      List.of(new ParquetFormat(), new JsonLinesFormat(), new JsonArrayFormat());

  private static final TupleTag<RawRow> ROWS = new TupleTag<>() {};
  private static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  static final TupleTag<List<RawRow>> ROW_BATCHES = new TupleTag<>() {};
  private static final TupleTag<KV<String, TraceInput>> KNOWN_COMBO = new TupleTag<>() {};
  private static final TupleTag<TraceInput> ROWS_DECIDE = new TupleTag<>() {};

  /**
   * Rows larger than this are rejected unless told otherwise: far past any SFT budget, and one such
   * row is held several times over (text, parse tree, renders) while it is processed.
   */
  public static final long DEFAULT_MAX_ROW_BYTES = 64L << 20;

  private final List<TraceSource> sources;
  private final List<TraceFormat> formats;
  private final int limitPerCombo;
  private final @Nullable TrajectoryParser parser;
  private final long maxRowBytes;
  private final int concurrentReads;
  private final boolean splittable;

  private ReadTraces(List<TraceSource> sources, List<TraceFormat> formats, int limitPerCombo,
      @Nullable TrajectoryParser parser, long maxRowBytes, int concurrentReads, boolean splittable) {
    this.sources = List.copyOf(sources);
    this.formats = List.copyOf(formats);
    this.limitPerCombo = limitPerCombo;
    this.parser = parser;
    this.maxRowBytes = maxRowBytes;
    this.concurrentReads = concurrentReads;
    this.splittable = splittable;
  }

  public static ReadTraces from(List<TraceSource> sources) {
    return new ReadTraces(sources, DEFAULT_FORMATS, 0, null, DEFAULT_MAX_ROW_BYTES, 0, true);
  }

  /** Reads with these formats, the first one accepting a file name wins. */
  public ReadTraces withFormats(List<TraceFormat> formats) {
    return new ReadTraces(sources, formats, limitPerCombo, parser, maxRowBytes, concurrentReads, splittable);
  }

  /** Rejects rows longer than this ({@code row_too_large}); JSON Lines rows are never held whole. */
  public ReadTraces withMaxRowBytes(long maxRowBytes) {
    if (maxRowBytes <= 0) {
      throw new IllegalArgumentException("maxRowBytes must be positive, got " + maxRowBytes);
    }
    return new ReadTraces(sources, formats, limitPerCombo, parser, maxRowBytes, concurrentReads, splittable);
  }

  /**
   * Reads the files in at most {@code n} lanes of about equal bytes, each read file after file;
   * 0 (the default) reads every file on its own. A runner that keeps every unfinished bundle in
   * memory, as the DirectRunner does, then holds a few checkpoints' rows rather than all files'.
   */
  public ReadTraces withConcurrentReads(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("concurrent reads must be 0 or more, got " + n);
    }
    return new ReadTraces(sources, formats, limitPerCombo, parser, maxRowBytes, n, splittable);
  }

  /**
   * Whether lanes are read by a splittable DoFn (the default) or each in one go by a plain one. A
   * splittable read can be checkpointed and split, but Flink does neither in batch mode and places
   * each one on a worker by a random key, so four files on two workers often leave one worker three
   * of them; plain reads follow the lanes, which are dealt to workers in turn.
   */
  public ReadTraces withSplittableReads(boolean splittable) {
    return new ReadTraces(sources, formats, limitPerCombo, parser, maxRowBytes, concurrentReads, splittable);
  }

  /**
   * Reads no further than the first {@code limit} rows of each (agent, model) pair that {@code
   * parser} accepts, wherever files can tell their pair before being read. The rows read are a
   * superset of what {@code LimitPerCombo} keeps, so it still decides.
   */
  public ReadTraces withFirstRowsPerCombo(int limit, TrajectoryParser parser) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return new ReadTraces(sources, formats, limit, parser, maxRowBytes, concurrentReads, splittable);
  }

  @Override
  public WithRejects<RawRow> expand(PBegin begin) {
    PCollection<TraceInput> files =
        begin.apply("InputPatterns", Create.of(sources)).apply("MatchFiles", ParDo.of(new MatchFn()));
    if (parser == null) {
      return WithRejects.of(readAll(files), ROWS, REJECTS);
    }
    PCollectionTuple byCombo =
        files.apply("FileCombos",
            ParDo.of(new FileComboFn(parser)).withOutputTags(KNOWN_COMBO, TupleTagList.of(ROWS_DECIDE)));
    PCollectionTuple sampled =
        byCombo.get(KNOWN_COMBO)
            .apply("FilesPerCombo", GroupByKey.create())
            .apply("ReadFirstRows",
                ParDo.of(new ReadFirstRowsFn(formats, limitPerCombo, parser, maxRowBytes))
                    .withOutputTags(ROWS, TupleTagList.of(REJECTS)));
    PCollectionTuple whole = readAll(byCombo.get(ROWS_DECIDE));
    return WithRejects.of(
        PCollectionTuple.of(ROWS, flatten("AllRows", sampled.get(ROWS), whole.get(ROWS)))
            .and(REJECTS, flatten("AllReadRejects", sampled.get(REJECTS), whole.get(REJECTS))),
        ROWS, REJECTS);
  }

  private PCollectionTuple readAll(PCollection<TraceInput> files) {
    PCollection<ReadLane> lanes =
        concurrentReads == 0
            ? files.apply("LanePerFile",
                MapElements.into(TypeDescriptor.of(ReadLane.class)).via(file -> ReadLane.of(List.of(file))))
            : files.apply("AllFiles", WithKeys.of(0)).setCoder(KvCoder.of(VarIntCoder.of(), files.getCoder()))
                .apply("GatherFiles", GroupByKey.create())
                .apply("PlanLanes", ParDo.of(new PlanLanesFn(concurrentReads)));
    PCollection<ReadLane> spread = lanes.apply("SpreadLanes", Reshuffle.viaRandomKey());
    if (!splittable) {
      return spread.apply("ReadRows",
          ParDo.of(new ReadWholeLaneFn(formats, maxRowBytes)).withOutputTags(ROWS, TupleTagList.of(REJECTS)));
    }
    PCollectionTuple read =
        spread.apply("ReadRows",
            ParDo.of(new ReadLaneFn(formats, maxRowBytes)).withOutputTags(ROW_BATCHES, TupleTagList.of(REJECTS)));
    Coder<RawRow> rowCoder;
    try {
      rowCoder = files.getPipeline().getSchemaRegistry().getSchemaCoder(RawRow.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException("RawRow has a schema", e);
    }
    PCollection<RawRow> rows =
        read.get(ROW_BATCHES).setCoder(ListCoder.of(rowCoder)).apply("RowsOfBatches", Flatten.iterables());
    return PCollectionTuple.of(ROWS, rows).and(REJECTS, read.get(REJECTS));
  }

  private static <T> PCollection<T> flatten(String name, PCollection<T> a, PCollection<T> b) {
    return PCollectionList.of(a).and(b).apply(name, Flatten.pCollections());
  }

  /** Expands each pattern into its files, keeping the pattern's tags. */
  static final class MatchFn extends DoFn<TraceSource, TraceInput> {
    @ProcessElement
    public void process(@Element TraceSource source, OutputReceiver<TraceInput> out) throws IOException {
      MatchResult match = FileSystems.match(source.getPattern(), EmptyMatchTreatment.ALLOW_IF_WILDCARD);
      for (MatchResult.Metadata file : match.metadata()) {
        if (!file.resourceId().isDirectory()) {
          out.output(TraceInput.of(file.resourceId().toString(), file.sizeBytes(), source.getAgent(),
              source.getModel()));
        }
      }
    }
  }

  /** Keys files by the pair all their rows get, or passes them on when their rows decide. */
  static final class FileComboFn extends DoFn<TraceInput, KV<String, TraceInput>> {
    private final TrajectoryParser parser;

    FileComboFn(TrajectoryParser parser) {
      this.parser = parser;
    }

    @ProcessElement
    public void process(@Element TraceInput file, MultiOutputReceiver out) {
      String combo = parser.fileCombo(file.getPath(), file.getAgent(), file.getModel());
      if (combo == null) {
        out.get(ROWS_DECIDE).output(file);
      } else {
        out.get(KNOWN_COMBO).output(KV.of(combo, file));
      }
    }
  }

  /** Deals the files into lanes, largest first to the lightest lane; each lane in path order. */
  static final class PlanLanesFn extends DoFn<KV<Integer, Iterable<TraceInput>>, ReadLane> {
    private final int lanes;

    PlanLanesFn(int lanes) {
      this.lanes = lanes;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<TraceInput>> all, OutputReceiver<ReadLane> out) {
      List<TraceInput> files = new ArrayList<>();
      all.getValue().forEach(files::add);
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
      for (List<TraceInput> lane : dealt) {
        lane.sort(Comparator.comparing(TraceInput::getPath));
        out.output(ReadLane.of(lane));
      }
    }
  }

  /** Reads a lane's files one after the other, each whole. */
  static final class ReadWholeLaneFn extends DoFn<ReadLane, RawRow> {
    private final List<TraceFormat> formats;
    private final long maxRowBytes;

    ReadWholeLaneFn(List<TraceFormat> formats, long maxRowBytes) {
      this.formats = formats;
      this.maxRowBytes = maxRowBytes;
    }

    @ProcessElement
    public void process(@Element ReadLane lane, MultiOutputReceiver out) throws IOException {
      for (TraceInput file : lane.getFiles()) {
        read(TraceFile.of(file), formats, new Emitter(file, out, maxRowBytes));
      }
    }
  }

  /** Reads one pair's files in name order, as the limit's row order has it, until it is reached. */
  static final class ReadFirstRowsFn extends DoFn<KV<String, Iterable<TraceInput>>, RawRow> {
    private final List<TraceFormat> formats;
    private final int limit;
    private final TrajectoryParser parser;
    private final long maxRowBytes;

    ReadFirstRowsFn(List<TraceFormat> formats, int limit, TrajectoryParser parser, long maxRowBytes) {
      this.formats = formats;
      this.limit = limit;
      this.parser = parser;
      this.maxRowBytes = maxRowBytes;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<TraceInput>> combo, MultiOutputReceiver out)
        throws IOException {
      List<TraceInput> files = new ArrayList<>();
      combo.getValue().forEach(files::add);
      files.sort(Comparator.comparing(TraceInput::getPath));
      long[] accepted = {0};
      for (TraceInput file : files) {
        if (accepted[0] >= limit) {
          TraceMetrics.FILES_NOT_READ.inc();
          continue;
        }
        read(TraceFile.of(file), formats,
            new Emitter(file, out, maxRowBytes) {
              @Override
              void emit(RawRow row) {
                super.emit(row);
                if (parses(row)) {
                  accepted[0]++;
                }
              }

              @Override
              public boolean claim(long resumeAt, long nextRow) {
                return accepted[0] < limit;
              }
            });
      }
    }

    /** Whether Normalize will keep the row: only those count toward the limit. */
    private boolean parses(RawRow row) {
      try {
        parser.parse(row);
        return true;
      } catch (BadRowException | RuntimeException | StackOverflowError e) {
        return false;
      }
    }
  }

  /** Sends a file's rows and rejects to their outputs, tagged and counted. */
  static class Emitter implements RowSink {
    private final TraceInput file;
    final DoFn.MultiOutputReceiver out;
    private final long maxRowBytes;

    Emitter(TraceInput file, DoFn.MultiOutputReceiver out, long maxRowBytes) {
      this.file = file;
      this.out = out;
      this.maxRowBytes = maxRowBytes;
    }

    @Override
    public final void row(long position, String json) {
      if (json.length() > maxRowBytes) {
        // Formats that cannot skip a row unread (Parquet, JSON arrays) end up here.
        reject(position, "row_too_large", RowSink.tooLarge(json.length(), maxRowBytes),
            json.substring(0, Math.min(json.length(), 4096)));
        return;
      }
      TraceMetrics.ROWS_READ.inc();
      emit(RawRow.tagged(file.getPath(), position, json, file.getAgent(), file.getModel()));
    }

    @Override
    public long maxRowBytes() {
      return maxRowBytes;
    }

    void emit(RawRow row) {
      out.get(ROWS).output(row);
    }

    @Override
    public final void reject(long position, String reason, String detail, String excerpt) {
      TraceMetrics.ROWS_READ.inc();
      TraceMetrics.READ_REJECTS.inc();
      out.get(REJECTS).output(Reject.of(file.getPath(), position, "read", reason, detail, excerpt));
    }
  }

  /** Reads one whole file with the first format that accepts its name, or rejects it as a whole. */
  public static void read(TraceFile file, List<TraceFormat> formats, RowSink sink) throws IOException {
    read(file, formats, 0, 0, sink);
  }

  /** Reads one file on from a resume position, as {@link TraceFormat#read} does. */
  static void read(TraceFile file, List<TraceFormat> formats, long from, long firstRow, RowSink sink)
      throws IOException {
    String name = file.uncompressedName();
    for (TraceFormat format : formats) {
      if (format.accepts(name)) {
        format.read(file, from, firstRow, sink);
        return;
      }
    }
    if (from == 0 && sink.claim(0, 0)) {
      sink.reject(-1, "unsupported_format",
          "no reader for this file name (expected .parquet, .jsonl, .jsonl.gz or .json)", "");
    }
  }
}
