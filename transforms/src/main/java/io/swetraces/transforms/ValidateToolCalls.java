package io.swetraces.transforms;

import io.swetraces.curate.ToolCallCheck;
import io.swetraces.model.Trajectory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds trajectories with a broken tool call ({@link ToolCallCheck}): a model trained on them learns
 * to call tools that do not exist, with arguments its tools refuse, or to answer calls never made.
 */
public final class ValidateToolCalls extends CheckRows {
  public static final String REASON = "broken_tool_call";

  private ValidateToolCalls(CurationMode mode) {
    super(mode, REASON);
  }

  public static ValidateToolCalls againstDefinitions() {
    return new ValidateToolCalls(CurationMode.DROP);
  }

  public ValidateToolCalls withMode(CurationMode mode) {
    return new ValidateToolCalls(mode);
  }

  @Override
  Check check() {
    return new Calls(new ToolCallCheck());
  }

  private record Calls(ToolCallCheck check) implements Check {
    @Override
    public @Nullable String finding(Trajectory t) {
      return check.firstError(t);
    }

    @Override
    public Trajectory noted(Trajectory t, String finding) {
      return t.toBuilder().setToolCallError(finding).build();
    }
  }
}
