package io.swetraces.io;

import io.swetraces.fs.AtomicFiles;
import io.swetraces.hub.Hub;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * The output directory: its layout, and the rules that keep a run's files its own. One run at a
 * time holds a directory, by a lock file naming its process ({@link #LOCK}), which the run removes
 * as its last step; a lock whose process is gone (same host) is taken over. A run needs a directory
 * that is empty, or holds only an earlier run's outputs, which {@code --overwrite} removes; it never
 * touches a file it would not write itself, and refuses to start when an input lies inside it.
 */
public final class OutputDir {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDir.class);

  public static final String ANALYSIS = "analysis";
  public static final String SFT = "sft";
  public static final String REJECTS = "rejects";
  public static final String REPORT = "report";
  public static final String SUMMARY = "summary.json";
  /** The lock file of the run that holds the directory. */
  public static final String LOCK = ".swe-traces.lock";

  /** Exactly the files a run writes, by path inside the directory; temporary ones included. */
  private static final Pattern OURS = Pattern.compile(String.join("|",
      "analysis/analysis-\\d{5}-of-\\d{5}\\.(csv|parquet)",
      "sft/sft-\\d{5}-of-\\d{5}\\.jsonl",
      "rejects/rejects-\\d{5}-of-\\d{5}\\.jsonl",
      "report/report\\.html",
      "report/charts/[a-z0-9-]+\\.(png|svg)",
      "summary\\.json",
      // AtomicFiles' temporaries, and the Parquet writer's work folder, left by a killed run.
      "((analysis|sft|rejects|report|report/charts)/)?\\.[^/]+\\.tmp-[0-9a-f-]{36}",
      "analysis/\\.temp-beam(/.*)?"));
  private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}]");

  private final String dir;

  private OutputDir(String dir) {
    this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  /** The directory {@code --output} names; glob characters are refused, as no file system can match it back. */
  public static OutputDir at(String dir) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("--output is required");
    }
    if (GLOB.matcher(dir).find()) {
      throw new IllegalArgumentException(
          "--output " + dir + " holds a glob character (* ? [ ] { }); choose a name without them");
    }
    return new OutputDir(dir);
  }

  public String path(String relative) {
    return dir + "/" + relative;
  }

  /** What a lock file says: the process holding the directory, its host and when it started. */
  public static String lockText(long pid) {
    return "pid=" + pid + "\nhost=" + host() + "\nstarted=" + Instant.now() + "\n";
  }

  /**
   * Takes the directory for this run, or explains why not, before anything is written: it must be
   * a directory this process can write, hold no input, be held by no other run, and hold only an
   * earlier run's outputs, removed when {@code overwrite} allows.
   */
  public void claim(boolean overwrite, List<String> inputPatterns) throws IOException {
    String base = FileSystems.matchNewResource(dir, true).toString();
    refuseIfAFile();
    refuseInputsInside(base, inputPatterns);
    List<ResourceId> earlier = new ArrayList<>();
    String foreign = isLocal() ? walkLocal(earlier) : walk(base, earlier);
    if (foreign != null) {
      throw new IllegalArgumentException(
          "Output directory " + dir + " holds files that are not swe-traces outputs (" + foreign
              + "); they are left alone: choose another --output, or move them.");
    }
    if (!earlier.isEmpty() && !overwrite) {
      throw new IllegalArgumentException(
          "Output directory " + dir + " already holds a run's outputs; pass --overwrite to replace "
              + "them, or choose another --output.");
    }
    lock();
    FileSystems.delete(earlier, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /**
   * Collects an earlier run's files into {@code earlier}; returns the first file that is not one,
   * or null. On a local disk the walk stops at that file, so a home folder given by mistake is
   * refused at once rather than listed whole.
   */
  private @Nullable String walkLocal(List<ResourceId> earlier) throws IOException {
    Path root = localPath();
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Iterator<Path> it = paths.iterator(); it.hasNext(); ) {
        Path file = it.next();
        if (Files.isDirectory(file)) {
          continue;
        }
        String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
        if (relative.equals(LOCK)) {
          continue;
        }
        if (!OURS.matcher(relative).matches()) {
          return relative;
        }
        earlier.add(FileSystems.matchNewResource(file.toString(), false));
      }
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read --output " + dir + ": " + e.getCause(), e);
    }
    return null;
  }

  private @Nullable String walk(String base, List<ResourceId> earlier) throws IOException {
    MatchResult match = FileSystems.match(dir + "/**", EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return null;
    }
    for (MatchResult.Metadata m : match.metadata()) {
      String relative = relative(base, m.resourceId());
      if (relative.equals(LOCK) || m.resourceId().isDirectory()) {
        continue;
      }
      if (!OURS.matcher(relative).matches()) {
        return relative;
      }
      earlier.add(m.resourceId());
    }
    return null;
  }

  /** Removes this run's lock: after its last output, or when it ends without finishing. */
  public void release() throws IOException {
    FileSystems.delete(List.of(FileSystems.matchNewResource(path(LOCK), false)),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** A step that releases the directory once its input, the run's last output, is written. */
  public PTransform<PCollection<String>, PCollection<String>> releaseAfter() {
    return new ReleaseLock(dir);
  }

  private static final class ReleaseLock extends PTransform<PCollection<String>, PCollection<String>> {
    private final String dir;

    ReleaseLock(String dir) {
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
      new OutputDir(dir).release();
      out.output(written);
    }
  }

  private void refuseIfAFile() throws IOException {
    if (isLocal()) {
      Path path = localPath();
      if (Files.exists(path) && !Files.isDirectory(path)) {
        throw new IllegalArgumentException("--output " + dir + " is not a directory");
      }
      return;
    }
    MatchResult match = FileSystems.match(dir, EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.OK
        && match.metadata().stream().anyMatch(m -> !m.resourceId().isDirectory())) {
      throw new IllegalArgumentException("--output " + dir + " is not a directory");
    }
  }

  private static void refuseInputsInside(String base, List<String> patterns) throws IOException {
    for (String pattern : patterns) {
      if (Hub.isHubPath(pattern)) {
        continue; // on the Hub, never inside an output directory
      }
      int anyDepth = pattern.indexOf("**");
      if (anyDepth >= 0 && base.startsWith(FileSystems.matchNewResource(pattern.substring(0, anyDepth), true).toString())) {
        throw new IllegalArgumentException("--output " + base + " lies under --input " + pattern
            + ", which would read the run's own files as they are written; choose an --output outside it");
      }
      MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      if (match.status() != MatchResult.Status.OK) {
        continue;
      }
      for (MatchResult.Metadata m : match.metadata()) {
        if (m.resourceId().toString().startsWith(base)) {
          throw new IllegalArgumentException("--input " + pattern + " matches " + m.resourceId()
              + ", inside --output: a run would remove or mix its own input; choose another --output");
        }
      }
    }
  }

  /**
   * Writes the lock file, which fails when another run holds the directory. On a local disk the
   * lock is created exclusively; on an object store, where no create is exclusive, it is written
   * after the check, and two runs started in the same instant could both pass.
   */
  private void lock() throws IOException {
    ResourceId lock = FileSystems.matchNewResource(path(LOCK), false);
    String held = readLock(lock);
    if (held != null) {
      Properties holder = new Properties();
      holder.load(new StringReader(held));
      if (!isStale(holder)) {
        throw new IllegalArgumentException("Output directory " + dir + " is in use by another run (process "
            + holder.getProperty("pid") + " on " + holder.getProperty("host") + ", started "
            + holder.getProperty("started") + "); if no run is using it, remove " + path(LOCK));
      }
      LOG.warn("Taking over {}: its run (process {}) has ended without removing it", path(LOCK),
          holder.getProperty("pid"));
      release();
    }
    byte[] text = lockText(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
    if (!isLocal()) {
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

  /** A lock is stale when its process, on this same host, is gone; elsewhere nobody can tell. */
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

  private static String readLock(ResourceId lock) throws IOException {
    MatchResult match = FileSystems.match(lock.toString(), EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
      return null;
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(lock))) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
  }

  /** The directory on the local disk, also when named as a {@code file:} URI. */
  private Path localPath() {
    return Path.of(FileSystems.matchNewResource(dir, true).toString());
  }

  private boolean isLocal() {
    return AtomicFiles.isLocal(FileSystems.matchNewResource(dir, true));
  }

  private static String relative(String base, ResourceId resource) {
    String full = resource.toString();
    return full.startsWith(base) ? full.substring(base.length()) : full;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
