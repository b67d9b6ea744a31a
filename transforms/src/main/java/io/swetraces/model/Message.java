package io.swetraces.model;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One turn of a trajectory in canonical form: {@code content} is always text (string content as is,
 * text blocks joined with newlines, null as empty), tool calls are kept structurally.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Message {
  public abstract String getRole();

  public abstract String getContent();

  public abstract @Nullable String getReasoningContent();

  public abstract List<ToolCall> getToolCalls();

  public abstract @Nullable String getToolCallId();

  public abstract @Nullable String getName();

  public static Builder builder() {
    return new AutoValue_Message.Builder()
        .setContent("")
        .setToolCalls(List.of());
  }

  /** This message with no reasoning. */
  public Message withoutReasoning() {
    return getReasoningContent() == null ? this : builder().setRole(getRole()).setContent(getContent())
        .setToolCalls(getToolCalls()).setToolCallId(getToolCallId()).setName(getName()).build();
  }

  public static Message of(String role, String content) {
    return builder().setRole(role).setContent(content).build();
  }

  /** Beam's schema inference wants a builder for AutoValue types with many fields. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setRole(String role);

    public abstract Builder setContent(String content);

    public abstract Builder setReasoningContent(@Nullable String reasoningContent);

    public abstract Builder setToolCalls(List<ToolCall> toolCalls);

    public abstract Builder setToolCallId(@Nullable String toolCallId);

    public abstract Builder setName(@Nullable String name);

    public abstract Message build();
  }
}
