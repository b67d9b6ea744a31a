package io.swetraces.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Hub file as a seekable channel over HTTP range requests. Each request asks for a bounded range
 * that doubles while the reads stay sequential (64 KiB up to 16 MiB) and starts small again after a
 * seek, so a Parquet reader that jumps to its footer and then to a few row groups fetches little
 * more than those, and a sequential reader still streams in large requests. A connection that drops
 * or stalls mid-range is resumed from the current position, with the client's retry budget. The
 * storage URL the Hub redirects to is remembered, so later ranges skip the redirect.
 */
final class HubReadChannel implements SeekableByteChannel {
  static final int MIN_RANGE = 64 << 10;
  static final int MAX_RANGE = 16 << 20;
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)");

  private final HubClient client;
  private final HubPath file;
  private @Nullable URI storage;
  /** Unknown (-1) until a response's Content-Range tells it. */
  private long size = -1;
  private long position;
  private boolean open = true;

  private HubClient.@Nullable Response response;
  private @Nullable InputStream body;
  private long bodyPosition;
  private long bodyEnd;
  private int rangeLength = MIN_RANGE;

  HubReadChannel(HubClient client, HubPath file) {
    this.client = client;
    this.file = file;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (size >= 0 && position >= size) {
      return -1;
    }
    byte[] chunk = dst.hasArray() ? null : new byte[Math.min(dst.remaining(), 1 << 16)];
    for (int failures = 0; ; ) {
      try {
        if (body == null || bodyPosition != position || bodyPosition > bodyEnd) {
          if (!request(dst.remaining())) {
            return -1;
          }
        }
        int n = chunk == null
            ? body.read(dst.array(), dst.arrayOffset() + dst.position(), (int) Math.min(dst.remaining(), bodyEnd - bodyPosition + 1))
            : body.read(chunk, 0, (int) Math.min(chunk.length, bodyEnd - bodyPosition + 1));
        if (n < 0) {
          throw new IOException("the connection ended at byte " + bodyPosition + " of a range ending at " + bodyEnd);
        }
        if (chunk == null) {
          dst.position(dst.position() + n);
        } else {
          dst.put(chunk, 0, n);
        }
        position += n;
        bodyPosition += n;
        return n;
      } catch (HubException | SourceUnavailableException e) {
        throw e;
      } catch (IOException e) {
        // A connection that broke mid-range, after the request itself succeeded: resume from here.
        release();
        if (++failures >= client.settings.maxAttempts) {
          throw new SourceUnavailableException(file + ": reading at byte " + position + " failed "
              + failures + " times; last: " + e.getMessage(), e);
        }
        client.pause(client.backoff(failures));
      }
    }
  }

  /** Opens the next range at {@link #position}; false at the end of the file. */
  private boolean request(int wanted) throws IOException {
    boolean sequential = body != null && bodyPosition == position;
    release();
    rangeLength = sequential ? Math.min(rangeLength * 2, MAX_RANGE) : MIN_RANGE;
    long length = Math.max(wanted, rangeLength);
    long end = size >= 0 ? Math.min(size, position + length) - 1 : position + length - 1;
    HubClient.Response r;
    try {
      r = client.range(storage != null ? storage : client.resolve(file), file, position, end);
    } catch (HubException e) {
      if (storage == null) {
        throw e;
      }
      // A signed storage URL may have expired: ask the Hub again.
      storage = null;
      r = client.range(client.resolve(file), file, position, end);
    }
    if (!client.settings.isEndpoint(r.uri)) {
      storage = r.uri;
    }
    if (r.status == 416) {
      Matcher m = UNSATISFIED_RANGE.matcher(String.valueOf(r.header("Content-Range")));
      if (m.find()) {
        size = Long.parseLong(m.group(1));
      }
      r.close();
      return false;
    }
    response = r;
    body = r.body();
    if (r.status == 206) {
      Matcher m = CONTENT_RANGE.matcher(String.valueOf(r.header("Content-Range")));
      if (!m.find() || Long.parseLong(m.group(1)) != position) {
        throw new IOException(file + ": the server answered a range request with " + r.header("Content-Range"));
      }
      bodyEnd = Long.parseLong(m.group(2));
      if (!"*".equals(m.group(3))) {
        size = Long.parseLong(m.group(3));
      }
    } else {
      // The whole file (the server ignored the range): skip to the position wanted.
      body.skipNBytes(position);
      bodyEnd = size >= 0 ? size - 1 : Long.MAX_VALUE;
    }
    bodyPosition = position;
    return true;
  }

  /** Drops the current response; a broken one may fail to close, which changes nothing. */
  private void release() {
    body = null;
    if (response != null) {
      HubClient.Response r = response;
      response = null;
      try {
        r.close();
      } catch (IOException ignored) {
        // The connection is discarded either way.
      }
    }
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    if (size < 0) {
      try (HubClient.Response r = client.head(file)) {
        String linked = r.header("X-Linked-Size");
        String length = linked != null ? linked : r.header("Content-Length");
        if (length == null) {
          throw new IOException(file + ": the Hub gave no size");
        }
        size = Long.parseLong(length.trim());
      }
    }
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
    release();
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
