package io.swetraces.pipeline;

import io.swetraces.io.Inputs;
import io.swetraces.transforms.TraceMetrics;
import io.swetraces.transforms.TraceMetrics.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Reports, every few seconds while a job runs in this process, how far it has got: files and bytes
 * read of those matched, rows read, analysed, rejected and kept, the read rate, and the time left
 * estimated from the bytes still to read; then one line when it is done. The counts are the job's
 * own counters as this process keeps them ({@link TraceMetrics#localProgress}): the runners that
 * run a job in the launching process report Beam metrics only once it ends. A job that runs
 * elsewhere (a Flink cluster) moves no local counter; after a while the reporter says where to look
 * and falls silent.
 */
final class ProgressReporter {
  /**
   * Silence before the reporter concludes the job runs elsewhere: a job in this process reads its
   * first bytes a few seconds after the launch (Flink's start included).
   */
  private static final long SILENT_NANOS = 30_000_000_000L;
  private static final long RATE_WINDOW_NANOS = 10_000_000_000L;
  /**
   * What follows the last bytes read: the rows still in the steps, then the statistics, the report
   * and the summary. About 2 s on the 1 GB benchmark corpus, the estimate's constant part.
   */
  static final double FINISHING_SECONDS = 2;

  private final Inputs.Size total;
  private final PrintStream out;
  private final boolean inPlace;
  private final long intervalMillis;
  private final Progress baseline = TraceMetrics.localProgress();
  private final long started = System.nanoTime();
  /** (time, bytes read) at each report with bytes read, the oldest dropped once out of the window. */
  private final ArrayDeque<long[]> samples = new ArrayDeque<>();
  private final Thread thread;
  private int lastLength;
  /** Set once the reporter has concluded that the job runs in another process. */
  private volatile boolean elsewhere;

  private ProgressReporter(Inputs.Size total, PrintStream out, boolean inPlace, long intervalMillis) {
    this.total = total;
    this.out = out;
    this.inPlace = inPlace;
    this.intervalMillis = intervalMillis;
    this.thread = new Thread(this::report, "progress");
    this.thread.setDaemon(true);
  }

  /** What the run will read, measured when progress is shown. */
  @FunctionalInterface
  interface InputSize {
    Inputs.Size measure() throws IOException;
  }

  /**
   * Starts reporting to {@code out} as the options ask, or returns null when they ask for none.
   * Inputs that cannot be measured now (a file system that fails to list) leave the totals unknown:
   * progress is no reason to stop a run.
   */
  static ProgressReporter start(ConsoleOptions options, InputSize input, PrintStream out) {
    if (options.getProgress() == ConsoleOptions.Progress.OFF) {
      return null;
    }
    Inputs.Size total;
    try {
      total = input.measure();
    } catch (IOException | RuntimeException e) {
      total = new Inputs.Size(0, 0);
    }
    boolean terminal = options.getProgress() == ConsoleOptions.Progress.AUTO && System.console() != null;
    ProgressReporter reporter = new ProgressReporter(total, out, terminal, options.getProgressSeconds() * 1000L);
    reporter.thread.start();
    return reporter;
  }

  /** Stops reporting; when the job is done, says so with its figures. */
  void stop(boolean done) {
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Progress p = progress();
    if (done && !elsewhere && (p.bytesRead() > 0 || p.rowsRead() > 0)) {
      print(finalLine(p, seconds(started)), true);
    }
  }

  private void report() {
    try {
      while (true) {
        Thread.sleep(intervalMillis);
        Progress p = progress();
        if (p.bytesRead() == 0 && p.rowsRead() == 0) {
          if (System.nanoTime() - started > SILENT_NANOS) {
            elsewhere = true;
            print("swe-traces: the job runs outside this process; the runner's UI shows its progress "
                + "(counters " + TraceMetrics.NAMESPACE + "/bytes_read, rows_read, sft_kept, ...)", true);
            return;
          }
          continue;
        }
        print(line(p, total, rate(System.nanoTime(), p.bytesRead())), false);
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  /**
   * The read rate over the last {@link #RATE_WINDOW_NANOS} (or since the last report, when reports
   * are further apart), in MB/s; NaN at the first report that sees bytes. A recent rate follows a
   * job that speeds up as its workers warm up (Flink's start) better than the mean since the start.
   */
  private double rate(long now, long bytes) {
    samples.addLast(new long[] {now, bytes});
    while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
      samples.removeFirst();
    }
    long[] oldest = samples.peekFirst();
    return oldest[0] == now ? Double.NaN : (bytes - oldest[1]) / 1e6 / ((now - oldest[0]) / 1e9);
  }

  private Progress progress() {
    return TraceMetrics.localProgress().since(baseline);
  }

  private synchronized void print(String line, boolean last) {
    if (!inPlace) {
      out.println(line);
      return;
    }
    // Redrawn over the line before; the last one stays.
    out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + (last ? "\n" : ""));
    out.flush();
    lastLength = line.length();
  }

  /**
   * One report; {@code rate}, the recent read rate in MB/s (NaN when not known yet), is what the
   * time left is estimated from.
   */
  static String line(Progress p, Inputs.Size total, double rate) {
    StringBuilder s = new StringBuilder("swe-traces: ");
    double mb = p.bytesRead() / 1e6;
    if (total.bytes() > 0) {
      s.append(String.format(Locale.ROOT, "%d%% · ", Math.min(100, Math.round(100.0 * p.bytesRead() / total.bytes()))));
    }
    if (total.bytes() > 0) {
      s.append(String.format(Locale.ROOT, "%,.0f of %,.0f MB, %,d of %,d files · ", mb, total.bytes() / 1e6,
          p.filesRead(), total.files()));
    } else {
      s.append(String.format(Locale.ROOT, "%,.0f MB, %,d files · ", mb, p.filesRead()));
    }
    counts(s, p);
    if (rate > 0) {
      s.append(String.format(Locale.ROOT, " · %.1f MB/s", rate));
      long left = total.bytes() - p.bytesRead();
      if (total.bytes() > 0 && left > 0) {
        s.append(" · about ").append(duration(left / 1e6 / rate + FINISHING_SECONDS)).append(" left");
      } else if (total.bytes() > 0) {
        s.append(" · all read, finishing");
      }
    }
    return s.toString();
  }

  static String finalLine(Progress p, double seconds) {
    StringBuilder s = new StringBuilder("swe-traces: done in ").append(duration(seconds)).append(" · ");
    s.append(String.format(Locale.ROOT, "%,.0f MB, %,d files", p.bytesRead() / 1e6, p.filesRead()));
    if (seconds > 0) {
      s.append(String.format(Locale.ROOT, " at %.1f MB/s", p.bytesRead() / 1e6 / seconds));
    }
    counts(s.append(" · "), p);
    return s.toString();
  }

  private static void counts(StringBuilder s, Progress p) {
    s.append(String.format(Locale.ROOT, "%,d rows read: %,d analysed, %,d rejected, %,d kept", p.rowsRead(),
        p.analysed(), p.rejected(), p.kept()));
  }

  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    long s = Math.round(seconds);
    return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
  }

  private static double seconds(long since) {
    return since == 0 ? 0 : (System.nanoTime() - since) / 1e9;
  }
}
