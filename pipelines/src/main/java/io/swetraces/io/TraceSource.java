package io.swetraces.io;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A file pattern to read, with the agent and model every row of its files is tagged with when
 * they are known from where the files come from (a dataset's config and split).
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class TraceSource {
  public abstract String getPattern();

  public abstract @Nullable String getAgent();

  public abstract @Nullable String getModel();

  public static TraceSource of(String pattern) {
    return tagged(pattern, null, null);
  }

  public static TraceSource tagged(String pattern, @Nullable String agent, @Nullable String model) {
    return new AutoValue_TraceSource(pattern, agent, model);
  }
}
