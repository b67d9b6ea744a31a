package io.swetraces.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a trajectory's final patch compares with the task's reference (gold) patch: the files each
 * touches, and whether they make the same changes. A localization signal: a patch in the right
 * files that fails its tests is a near miss, one in the wrong files is lost.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class PatchMatch {
  /** Files the reference patch changes. */
  public abstract int getReferenceFiles();

  /** Files both patches change. */
  public abstract int getFilesInBoth();

  /** Files in both over files the model's patch changes; null when it changes none. */
  public abstract @Nullable Double getFilePrecision();

  /** Files in both over files the reference changes; null when it changes none. */
  public abstract @Nullable Double getFileRecall();

  /** Whether both patches add and delete the same lines in the same files (see PatchComparison). */
  public abstract boolean getSameChanges();

  public static PatchMatch of(int referenceFiles, int filesInBoth, @Nullable Double filePrecision,
      @Nullable Double fileRecall, boolean sameChanges) {
    return new AutoValue_PatchMatch(referenceFiles, filesInBoth, filePrecision, fileRecall, sameChanges);
  }
}
