package io.swetraces.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one evaluation file says about one instance of a run: its verdict, or the patch a
 * predictions file holds for it.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class RunLabel {
  /** The run folder the file belongs to, by its path. */
  public abstract String getRun();

  public abstract String getInstanceId();

  /** A {@link LabelSource}, or {@link #PREDICTIONS} for a patch without a verdict. */
  public abstract String getSource();

  /** 1 resolved, 0 not resolved, -1 no verdict (a prediction). */
  public abstract int getResolved();

  /** The patch of a predictions file, or null. */
  public abstract @Nullable String getPatch();

  /** Whether the file was given with {@code --labelFiles} rather than found beside the trajectories. */
  public abstract boolean isGiven();

  /** The kind of a predictions file's entries. */
  public static final String PREDICTIONS = "predictions";

  public static RunLabel verdict(String run, String instanceId, String source, boolean resolved) {
    return new AutoValue_RunLabel(run, instanceId, source, resolved ? 1 : 0, null, false);
  }

  public static RunLabel prediction(String run, String instanceId, @Nullable String patch) {
    return new AutoValue_RunLabel(run, instanceId, PREDICTIONS, -1, patch, false);
  }

  /** The same label as given with {@code --labelFiles}. */
  public RunLabel given() {
    return new AutoValue_RunLabel(getRun(), getInstanceId(), getResolved() >= 0 ? LabelSource.GIVEN : getSource(),
        getResolved(), getPatch(), true);
  }
}
