package io.swetraces.io;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * One input file for a {@link TraceFormat}: inside a pipeline from a {@link TraceInput}, outside
 * one (record inspection) straight from a match. Compression is detected from the name, as {@code
 * FileIO.readMatches} does.
 */
public final class TraceFile {
  private final MatchResult.Metadata metadata;
  private final Compression compression;

  private TraceFile(MatchResult.Metadata metadata, Compression compression) {
    this.metadata = metadata;
    this.compression = compression;
  }

  public static TraceFile of(TraceInput input) {
    return matched(
        MatchResult.Metadata.builder()
            .setResourceId(FileSystems.matchNewResource(input.getPath(), false))
            .setSizeBytes(input.getSizeBytes())
            .setIsReadSeekEfficient(true)
            .setLastModifiedMillis(0)
            .build());
  }

  public static TraceFile matched(MatchResult.Metadata metadata) {
    return new TraceFile(metadata, Compression.detect(metadata.resourceId().getFilename()));
  }

  public String path() {
    return metadata.resourceId().toString();
  }

  public long sizeBytes() {
    return metadata.sizeBytes();
  }

  public boolean isCompressed() {
    return compression != Compression.UNCOMPRESSED;
  }

  /** The file name without its compression suffix: what decides the format. */
  public String uncompressedName() {
    String name = metadata.resourceId().getFilename();
    if (name == null) {
      return "";
    }
    if (isCompressed() && name.lastIndexOf('.') > 0) {
      return name.substring(0, name.lastIndexOf('.'));
    }
    return name;
  }

  /** The content, decompressed. */
  public ReadableByteChannel open() throws IOException {
    ReadableByteChannel raw = FileSystems.open(metadata.resourceId());
    return compression.readDecompressed(raw instanceof SeekableByteChannel seekable ? new CountedChannel(seekable) : raw);
  }

  /** Random access to an uncompressed file (Parquet reads its footer first). */
  public SeekableByteChannel openSeekable() throws IOException {
    if (isCompressed()) {
      throw new IOException(path() + " is compressed (" + compression + "): no random access");
    }
    ReadableByteChannel channel = FileSystems.open(metadata.resourceId());
    if (!(channel instanceof SeekableByteChannel seekable)) {
      channel.close();
      throw new IOException(path() + ": its file system gives no random access");
    }
    return new CountedChannel(seekable);
  }
}
