package io.swetraces.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One input row as read from a file, before any interpretation: the row as JSON text, with where it
 * came from. Every source format (JSONL, JSON array, Parquet, ...) produces these.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class RawRow {
  /** The file the row was read from. */
  public abstract String getSource();

  /** The row's 0-based position inside that file. */
  public abstract long getPosition();

  public abstract String getJson();

  /** The agent the whole file is tagged with (a dataset config), if any. */
  public abstract @Nullable String getFileAgent();

  /** The model the whole file is tagged with (a dataset split), if any. */
  public abstract @Nullable String getFileModel();

  public static RawRow of(String source, long position, String json) {
    return tagged(source, position, json, null, null);
  }

  public static RawRow tagged(
      String source, long position, String json, @Nullable String fileAgent, @Nullable String fileModel) {
    return new AutoValue_RawRow(source, position, json, fileAgent, fileModel);
  }
}
