package io.swetraces.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The part of a {@link ReadLane} left to read: positions {@code [from, to)}, where a position is a
 * file's index in the lane and a resume position inside that file ({@link #position}). {@code
 * firstRow} numbers the first row read at {@code from} when that is inside a file; a file started
 * from its beginning numbers its rows from 0.
 */
public record ReadSpan(long from, long to, long firstRow) {
  /** Bits of a position that hold the resume position inside a file: files up to 1 TiB. */
  static final int FILE_SHIFT = 40;

  /** The position of a resume position inside the lane's file {@code file}. */
  static long position(int file, long resumeAt) {
    if (resumeAt < 0 || resumeAt >= 1L << FILE_SHIFT) {
      throw new IllegalArgumentException("resume position out of range: " + resumeAt);
    }
    return ((long) file << FILE_SHIFT) | resumeAt;
  }

  static int fileOf(long position) {
    return (int) (position >>> FILE_SHIFT);
  }

  static long resumeAtOf(long position) {
    return position & ((1L << FILE_SHIFT) - 1);
  }

  /** Every file of a lane of {@code files} files. */
  static ReadSpan all(int files) {
    return new ReadSpan(0, position(files, 0), 0);
  }

  /**
   * A claim: reading on from {@code position}, after which the next row is {@code nextRow}. {@code
   * holdsRows}, if given, says whether the reader holds rows it has not output yet: no checkpoint
   * may cut the read then, as a reader may not output once a claim has failed.
   */
  public record Claim(long position, long nextRow, @Nullable BooleanSupplier holdsRows) {
    public Claim(long position, long nextRow) {
      this(position, nextRow, null);
    }
  }

  /** Encodes spans in a few bytes, as runners store one per checkpoint. */
  static final class Coder extends AtomicCoder<ReadSpan> {
    private static final VarLongCoder LONG = VarLongCoder.of();

    @Override
    public void encode(ReadSpan span, OutputStream out) throws IOException {
      LONG.encode(span.from(), out);
      LONG.encode(span.to(), out);
      LONG.encode(span.firstRow(), out);
    }

    @Override
    public ReadSpan decode(InputStream in) throws IOException {
      return new ReadSpan(LONG.decode(in), LONG.decode(in), LONG.decode(in));
    }
  }
}
