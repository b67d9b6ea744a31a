package io.swetraces.model;

import com.google.auto.value.AutoValue;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** What a final patch changes: files, added and deleted lines, and file extensions. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class PatchStats {
  public abstract int getFiles();

  public abstract int getAdded();

  public abstract int getDeleted();

  /** Files per lower-cased extension (files without a dot in their name are not counted). */
  public abstract Map<String, Integer> getExtensions();

  public int churn() {
    return getAdded() + getDeleted();
  }

  public static PatchStats of(int files, int added, int deleted, Map<String, Integer> extensions) {
    return new AutoValue_PatchStats(files, added, deleted, extensions);
  }

  public static PatchStats empty() {
    return of(0, 0, 0, Map.of());
  }
}
