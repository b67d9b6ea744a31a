package io.swetraces.io;

/** A cursor over a file that cannot be read at all: one reject for the file as a whole, at its start. */
final class FileReject implements TraceCursor {
  private final String reason;
  private final String detail;
  private boolean done;

  /** {@code from} past 0: a resumed read, which has nothing left to report. */
  FileReject(long from, String reason, String detail) {
    this.reason = reason;
    this.detail = detail;
    this.done = from > 0;
  }

  @Override
  public long position() {
    return done ? 1 : 0;
  }

  @Override
  public long nextRow() {
    return 0;
  }

  @Override
  public boolean next(RowSink sink) {
    if (done) {
      return false;
    }
    done = true;
    sink.reject(-1, reason, detail, "");
    return true;
  }

  @Override
  public void close() {}
}
