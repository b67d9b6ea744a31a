package io.swetraces.io;

import io.swetraces.transforms.TraceMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * An input file's channel that counts the bytes read through it ({@link TraceMetrics#BYTES_READ}),
 * as stored, before any decompression: what a run's progress is measured against.
 */
final class CountedChannel implements SeekableByteChannel {
  private final SeekableByteChannel in;

  CountedChannel(SeekableByteChannel in) {
    this.in = in;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    int n = in.read(dst);
    if (n > 0) {
      TraceMetrics.BYTES_READ.inc(n);
    }
    return n;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    return in.write(src);
  }

  @Override
  public long position() throws IOException {
    return in.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    in.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return in.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) throws IOException {
    in.truncate(size);
    return this;
  }

  @Override
  public boolean isOpen() {
    return in.isOpen();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
