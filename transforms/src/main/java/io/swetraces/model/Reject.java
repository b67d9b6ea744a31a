package io.swetraces.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * An input row (or the unreadable rest of a file) that could not be read, normalized, analysed or
 * curated, with the reason. Rejects are outputs in their own right: every input row ends up analysed or rejected.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Reject {
  /** The stage of a row, or the rest of a file, that could not be read. */
  public static final String READ = "read";
  /** The stage of a row that was read but is not a trajectory. */
  public static final String NORMALIZE = "normalize";
  /** The stage of a trajectory that could not be measured. */
  public static final String ANALYSE = "analyse";
  /** The stage of a trajectory that could not be judged for the training set. */
  public static final String CURATE = "curate";

  /** The reason of a row a step failed on for a cause no other reason names (a defect to report). */
  public static final String STEP_FAILED = "step_failed";

  /** Longest excerpt of the offending input kept in a reject. */
  public static final int EXCERPT_CHARS = 240;

  public abstract String getSource();

  /** Row position in the file, or -1 when the problem concerns the file itself. */
  public abstract long getPosition();

  /** The step that rejected it: {@link #READ}, {@link #NORMALIZE}, {@link #ANALYSE} or {@link #CURATE}. */
  public abstract String getStage();

  /** A short, stable code such as {@code malformed_json}: what the counts group by. */
  public abstract String getReason();

  /** The specific problem, for a person fixing the input. */
  public abstract String getDetail();

  public abstract String getExcerpt();

  public static Reject of(
      String source, long position, String stage, String reason, String detail, String input) {
    return new AutoValue_Reject(source, position, stage, reason, detail, excerpt(input));
  }

  static String excerpt(String input) {
    if (input.length() <= EXCERPT_CHARS) {
      return input;
    }
    int end = EXCERPT_CHARS;
    if (Character.isHighSurrogate(input.charAt(end - 1))) {
      end--;
    }
    return input.substring(0, end) + "…";
  }
}
