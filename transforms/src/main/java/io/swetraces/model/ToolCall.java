package io.swetraces.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One OpenAI-style function call made by an assistant turn; {@code arguments} is JSON text. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ToolCall {
  public abstract @Nullable String getId();

  public abstract String getType();

  public abstract @Nullable String getName();

  public abstract String getArguments();

  public static ToolCall of(@Nullable String id, String type, @Nullable String name, String arguments) {
    return new AutoValue_ToolCall(id, type, name, arguments);
  }
}
