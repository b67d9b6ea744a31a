package io.swetraces.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** Parquet's {@link InputFile} over a Beam file, so Parquet reads work on every Beam file system. */
final class BeamInputFile implements InputFile {
  private final TraceFile file;

  BeamInputFile(TraceFile file) {
    this.file = file;
  }

  @Override
  public long getLength() {
    return file.sizeBytes();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel = file.openSeekable();
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        channel.position(newPos);
      }

      @Override
      public int read(ByteBuffer buf) throws IOException {
        return channel.read(buf);
      }
    };
  }

  /** Parquet names the file in its error messages, which end up in rejects: name it by its path. */
  @Override
  public String toString() {
    return file.path();
  }
}
