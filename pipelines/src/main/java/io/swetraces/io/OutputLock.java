package io.swetraces.io;

import io.swetraces.fs.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file by which one run at a time holds an output directory: the process that took it,
 * its host and when. Taken before anything is written, removed after {@code summary.json} (or when
 * the run fails). A lock whose process is gone, on this same host, is stale and taken over; one
 * from another host (a Dataflow job, say) only a person can judge.
 */
public final class OutputLock {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);

  /** The lock's name inside the output directory. */
  public static final String FILE = ".swe-traces.lock";

  private OutputLock() {}

  /** What a lock file says for this process id. */
  public static String text(long pid) {
    return "pid=" + pid + "\nhost=" + host() + "\nstarted=" + Instant.now() + "\n";
  }

  /**
   * Takes the lock of {@code dir}, or refuses while another run holds it. On a local disk the lock
   * is created exclusively; on an object store, where no create is exclusive, it is written after
   * the check, and two runs started in the same instant could both pass.
   */
  static void take(String dir, boolean local) throws IOException {
    ResourceId lock = resource(dir);
    String held = read(lock);
    if (held != null) {
      Properties holder = new Properties();
      holder.load(new StringReader(held));
      if (!isStale(holder)) {
        throw new IllegalArgumentException("Output directory " + dir + " is in use by another run (process "
            + holder.getProperty("pid") + " on " + holder.getProperty("host") + ", started "
            + holder.getProperty("started") + "); if no run is using it, remove " + lock);
      }
      LOG.warn("Taking over {}: its run (process {}) has ended without removing it", lock, holder.getProperty("pid"));
      release(dir);
    }
    byte[] text = text(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
    if (!local) {
      AtomicFiles.write(lock, MimeTypes.TEXT, text);
      return;
    }
    try {
      Path path = Path.of(lock.toString());
      Files.createDirectories(path.getParent());
      Files.write(Files.createFile(path), text);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("Output directory " + dir + " is in use by another run, started just now");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write to --output " + dir + ": " + e, e);
    }
  }

  static void release(String dir) throws IOException {
    FileSystems.delete(List.of(resource(dir)), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** A step that releases the lock once its input, the run's last output, is written. */
  static PTransform<PCollection<String>, PCollection<String>> releaseAfter(String dir) {
    return new ReleaseAfter(dir);
  }

  private static final class ReleaseAfter extends PTransform<PCollection<String>, PCollection<String>> {
    private final String dir;

    ReleaseAfter(String dir) {
      this.dir = dir;
    }

    @Override
    public PCollection<String> expand(PCollection<String> last) {
      return last.apply("RemoveLock", ParDo.of(new ReleaseFn(dir)));
    }
  }

  static final class ReleaseFn extends DoFn<String, String> {
    private final String dir;

    ReleaseFn(String dir) {
      this.dir = dir;
    }

    @ProcessElement
    public void process(@Element String written, OutputReceiver<String> out) throws IOException {
      release(dir);
      out.output(written);
    }
  }

  /** Stale when its process, on this same host, is gone; elsewhere nobody can tell. */
  private static boolean isStale(Properties holder) {
    if (!host().equals(holder.getProperty("host"))) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(holder.getProperty("pid", ""))).isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static @Nullable String read(ResourceId lock) throws IOException {
    MatchResult match = FileSystems.match(lock.toString(), EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
      return null;
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(lock))) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
  }

  private static ResourceId resource(String dir) {
    return FileSystems.matchNewResource(dir + "/" + FILE, false);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
