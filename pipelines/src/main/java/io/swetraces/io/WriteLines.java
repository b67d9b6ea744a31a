package io.swetraces.io;

import io.swetraces.fs.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes lines into a fixed number of shards, {@code PREFIX-SSSSS-of-NNNNN SUFFIX}, each with an
 * optional header line, as TextIO does,
 * without holding them: each bundle's lines go straight to a part file of its own, and the parts
 * are then concatenated shard by shard. TextIO with a fixed shard count groups the lines themselves
 * by shard, and the DirectRunner keeps such a group in memory until its input ends; for the SFT set
 * that is about half the input's bytes. Outputs the shards' names.
 */
public final class WriteLines extends PTransform<PCollection<String>, PCollection<String>> {
  private final String prefix;
  private final String suffix;
  private final int shards;
  private final @Nullable String header;

  private WriteLines(String prefix, String suffix, int shards, @Nullable String header) {
    this.prefix = prefix;
    this.suffix = suffix;
    this.shards = shards;
    this.header = header;
  }

  /** Shards named {@code prefix-SSSSS-of-NNNNN}, on any Beam file system. */
  public static WriteLines to(String prefix) {
    return new WriteLines(prefix, "", 1, null);
  }

  public WriteLines withSuffix(String suffix) {
    return new WriteLines(prefix, suffix, shards, header);
  }

  public WriteLines withNumShards(int shards) {
    if (shards <= 0) {
      throw new IllegalArgumentException("shards must be positive, got " + shards);
    }
    return new WriteLines(prefix, suffix, shards, header);
  }

  /** A first line for every shard, empty ones included. */
  public WriteLines withHeader(String header) {
    return new WriteLines(prefix, suffix, shards, header);
  }

  @Override
  public PCollection<String> expand(PCollection<String> lines) {
    // Next to the shards, so a run's leftovers stay inside its own output folder.
    String parts = prefix + "-parts-" + UUID.randomUUID() + "/";
    PCollection<KV<Integer, String>> written =
        lines.apply("WriteParts", ParDo.of(new WritePartsFn(parts, suffix)))
            .apply("AssignShards",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.strings()))
                    .via(part -> KV.of(Math.floorMod(part.hashCode(), shards), part)));
    // Every shard gets a key, so a shard with no part is still written, empty.
    PCollection<KV<Integer, String>> everyShard =
        lines.getPipeline()
            .apply("EveryShard",
                Create.of(IntStream.range(0, shards).mapToObj(i -> KV.of(i, "")).toList())
                    .withCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())));
    PCollection<String> names =
        PCollectionList.of(written).and(everyShard)
            .apply("PartsAndShards", Flatten.pCollections())
            .apply("PartsPerShard", GroupByKey.create())
            .apply("ConcatenateParts", ParDo.of(new ConcatenateFn(prefix, suffix, shards, header)));
    lines.getPipeline()
        .apply("PartsFolder", Create.of(parts))
        .apply("AfterShards", Wait.on(names))
        .apply("RemoveParts", ParDo.of(new RemovePartsFn()));
    return names;
  }

  /** Writes each bundle's lines to a new part file, and outputs its name. */
  static final class WritePartsFn extends DoFn<String, String> {
    private final String folder;
    private final String suffix;
    private transient @Nullable OutputStream writer;
    private transient @Nullable String part;

    WritePartsFn(String folder, String suffix) {
      this.folder = folder;
      this.suffix = suffix;
    }

    @ProcessElement
    public void process(@Element String line) throws IOException {
      if (writer == null) {
        part = folder + UUID.randomUUID() + suffix;
        writer = new BufferedOutputStream(Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(part, false), MimeTypes.TEXT)), 1 << 16);
      }
      // Encoded here: a Writer copies each MB-sized line into a char array first.
      writer.write(line.getBytes(StandardCharsets.UTF_8));
      writer.write('\n');
    }

    @FinishBundle
    public void finish(FinishBundleContext c) throws IOException {
      if (writer != null) {
        writer.close();
        c.output(part, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
        writer = null;
      }
    }
  }

  /** Writes one shard: its parts one after the other. A retry writes it again from the same parts. */
  static final class ConcatenateFn extends DoFn<KV<Integer, Iterable<String>>, String> {
    private final String prefix;
    private final String suffix;
    private final int shards;
    private final @Nullable String header;

    ConcatenateFn(String prefix, String suffix, int shards, @Nullable String header) {
      this.prefix = prefix;
      this.suffix = suffix;
      this.shards = shards;
      this.header = header;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<String>> shard, OutputReceiver<String> out)
        throws IOException {
      List<String> parts = new ArrayList<>();
      shard.getValue().forEach(p -> {
        if (!p.isEmpty()) {
          parts.add(p);
        }
      });
      parts.sort(null);
      String name = String.format("%s-%05d-of-%05d%s", prefix, shard.getKey(), shards, suffix);
      List<ResourceId> sources = parts.stream().map(p -> FileSystems.matchNewResource(p, false)).toList();
      byte[] head = header == null ? new byte[0] : (header + "\n").getBytes(StandardCharsets.UTF_8);
      concatenate(head, sources, FileSystems.matchNewResource(name, false));
      out.output(name);
    }

    /** Writes the head and then the sources into the target, which appears only once complete. */
    static void concatenate(byte[] head, List<ResourceId> sources, ResourceId target) throws IOException {
      AtomicFiles.write(target, MimeTypes.TEXT, out -> copy(head, sources, out));
    }

    /** The head, then each source; local files into a local file are copied by the kernel. */
    static void copy(byte[] head, List<ResourceId> sources, WritableByteChannel out) throws IOException {
      writeFully(out, ByteBuffer.wrap(head));
      ByteBuffer buffer = null;
      for (ResourceId source : sources) {
        if (out instanceof FileChannel file && AtomicFiles.isLocal(source)) {
          copyLocally(Path.of(source.toString()), file);
          continue;
        }
        buffer = buffer == null ? ByteBuffer.allocate(1 << 20) : buffer;
        try (ReadableByteChannel in = FileSystems.open(source)) {
          while (in.read(buffer) >= 0) {
            buffer.flip();
            writeFully(out, buffer);
            buffer.clear();
          }
        }
      }
    }

    /**
     * A local file, copied by the kernel: Beam's local channels write in 8 KB pieces, which made
     * copying a GB-sized SFT set the longest step of a run's end.
     */
    private static void copyLocally(Path source, FileChannel out) throws IOException {
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
        for (long at = 0, size = in.size(); at < size; ) {
          at += in.transferTo(at, size - at, out);
        }
      }
    }

    private static void writeFully(WritableByteChannel out, ByteBuffer bytes) throws IOException {
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
  }

  /** Removes the parts, those of retried bundles included, once every shard is written. */
  static final class RemovePartsFn extends DoFn<String, Void> {
    @ProcessElement
    public void process(@Element String folder) throws IOException {
      MatchResult match = FileSystems.match(folder + "*", EmptyMatchTreatment.ALLOW);
      List<ResourceId> files = new ArrayList<>();
      if (match.status() == MatchResult.Status.OK) {
        match.metadata().forEach(m -> files.add(m.resourceId()));
      }
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
      FileSystems.delete(List.of(FileSystems.matchNewResource(folder, true)),
          StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
