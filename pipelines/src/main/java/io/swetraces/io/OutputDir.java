package io.swetraces.io;

import io.swetraces.chat.SftFormat;
import io.swetraces.fs.AtomicFiles;
import io.swetraces.hub.Hub;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The output directory: its layout, and the rules that keep a run's files its own. One run at a
 * time holds a directory, by an {@link OutputLock}, which the run removes as its last step. A run needs a directory
 * that is empty, or holds only an earlier run's outputs, which {@code --overwrite} removes; it never
 * touches a file it would not write itself, and refuses to start when an input lies inside it.
 */
public final class OutputDir {
  public static final String ANALYSIS = "analysis";
  public static final String SFT = "sft";
  public static final String REJECTS = "rejects";
  public static final String REPORT = "report";
  public static final String SUMMARY = "summary.json";
  /** The dataset card, which makes the folder a Hugging Face dataset. */
  public static final String CARD = "README.md";

  /** The folders of the trainer formats, {@code sft/openai|...}. */
  private static final String FORMATS = Arrays.stream(SftFormat.values()).map(SftFormat::folder)
      .collect(Collectors.joining("|", "sft/(", ")"));
  /** Exactly the files a run writes, by path inside the directory; temporary ones included. */
  private static final Pattern OURS = Pattern.compile(String.join("|",
      "analysis/analysis-\\d{5}-of-\\d{5}\\.(csv|parquet)",
      "sft/sft-\\d{5}-of-\\d{5}\\.jsonl",
      FORMATS + "/train-\\d{5}-of-\\d{5}\\.(jsonl|parquet)",
      "README\\.md",
      "rejects/rejects-\\d{5}-of-\\d{5}\\.jsonl",
      "report/(report|examples)\\.html",
      "report/charts/[a-z0-9-]+\\.(png|svg)",
      "summary\\.json",
      // AtomicFiles' temporaries, and the Parquet writer's work folder, left by a killed run.
      "((analysis|sft|" + FORMATS + "|rejects|report|report/charts)/)?\\.[^/]+\\.tmp-[0-9a-f-]{36}",
      "(analysis|" + FORMATS + ")/\\.temp-beam(/.*)?"));
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
    OutputLock.take(dir, isLocal());
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
        if (relative.equals(OutputLock.FILE)) {
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
      if (relative.equals(OutputLock.FILE) || m.resourceId().isDirectory()) {
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
    OutputLock.release(dir);
  }

  /** A step that releases the directory once its input, the run's last output, is written. */
  public PTransform<PCollection<String>, PCollection<String>> releaseAfter() {
    return OutputLock.releaseAfter(dir);
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
}
