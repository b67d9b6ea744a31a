package io.swetraces.io;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One matched input file with the tags of the {@link TraceSource} that matched it. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class TraceInput {
  public abstract String getPath();

  public abstract long getSizeBytes();

  public abstract @Nullable String getAgent();

  public abstract @Nullable String getModel();

  /** Whether the user named this file itself, rather than a folder or a pattern it is in. */
  public abstract boolean isNamed();

  public static TraceInput of(String path, long sizeBytes, @Nullable String agent, @Nullable String model) {
    return new AutoValue_TraceInput(path, sizeBytes, agent, model, false);
  }

  public static TraceInput named(String path, long sizeBytes, @Nullable String agent, @Nullable String model) {
    return new AutoValue_TraceInput(path, sizeBytes, agent, model, true);
  }
}
