package io.swetraces.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The output directory's layout, and the rule that a run never mixes its files with another's: it
 * needs an empty directory, or {@code --overwrite} to remove an earlier run's outputs (and only
 * those: a directory holding anything else is refused).
 */
public final class OutputDir {
  public static final String ANALYSIS = "analysis";
  public static final String SFT = "sft";
  public static final String REJECTS = "rejects";
  public static final String REPORT = "report";
  public static final String SUMMARY = "summary.json";
  private static final List<String> OURS =
      List.of(ANALYSIS + "/", SFT + "/", REJECTS + "/", REPORT + "/", SUMMARY);

  private final String dir;

  private OutputDir(String dir) {
    this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  public static OutputDir at(String dir) {
    return new OutputDir(dir);
  }

  public String path(String relative) {
    return dir + "/" + relative;
  }

  /** Checks the directory is empty, or empties it of an earlier run's outputs when allowed. */
  public void prepare(boolean overwrite) throws IOException {
    List<ResourceId> existing = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    String base = FileSystems.matchNewResource(dir, true).toString();
    MatchResult match = FileSystems.match(dir + "/**", EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata m : match.metadata()) {
        String full = m.resourceId().toString();
        String relative = full.startsWith(base) ? full.substring(base.length()) : full;
        if (OURS.stream().anyMatch(relative::startsWith)) {
          existing.add(m.resourceId());
        } else {
          foreign.add(relative);
        }
      }
    }
    if (!foreign.isEmpty()) {
      throw new IllegalArgumentException(
          "Output directory " + dir + " holds files that are not swe-traces outputs (" + foreign.get(0)
              + (foreign.size() > 1 ? ", ..." : "") + "); choose another --output.");
    }
    if (existing.isEmpty()) {
      return;
    }
    if (!overwrite) {
      throw new IllegalArgumentException(
          "Output directory " + dir + " already holds a run's outputs; pass --overwrite to replace "
              + "them, or choose another --output.");
    }
    FileSystems.delete(existing, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
