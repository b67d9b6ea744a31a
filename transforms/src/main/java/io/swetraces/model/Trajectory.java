package io.swetraces.model;

import com.google.auto.value.AutoValue;
import io.swetraces.text.PyText;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One trajectory in canonical form, as {@code Normalize} produces it. The analysis steps each fill
 * in their own part ({@link #getToolCounts()}, {@link #getPatchStats()}, {@link #getTokenCounts()},
 * {@link #getSftDropReason()}) and leave the rest as it is.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Trajectory {
  public abstract String getSource();

  public abstract long getPosition();

  public abstract @Nullable String getTrajectoryId();

  public abstract @Nullable String getInstanceId();

  public abstract @Nullable String getRepo();

  /** Lower-cased language, {@code unknown} when the row has none. */
  public abstract String getLanguage();

  public abstract @Nullable String getLicense();

  /** 1 resolved, 0 not resolved, -1 unknown. */
  public abstract int getResolved();

  public abstract String getAgent();

  public abstract String getModel();

  public abstract List<Message> getMessages();

  /** Tool definitions, each a compact JSON object. */
  public abstract List<String> getTools();

  /** The row's metadata as compact JSON ({@code {}} when it has none). */
  public abstract String getMetadataJson();

  public abstract @Nullable String getCategory();

  /** {@code metadata.num_modified_files} (older revisions), as the tutorial reads it. */
  public abstract @Nullable Long getMetaFiles();

  /** {@code metadata.num_modified_lines} (older revisions), as the tutorial reads it. */
  public abstract @Nullable Long getMetaLines();

  public abstract @Nullable String getTeacherModel();

  public abstract @Nullable String getHfDatasetName();

  /**
   * Where {@link #getResolved()} comes from: {@code row} (the row's own label), {@code
   * instance_report} or {@code run_results} (an evaluation file of its run), {@code none}.
   */
  public abstract String getLabelSource();

  /**
   * The run folder of a trajectory whose label and missing patch come from its run's evaluation
   * files, still to be joined; null for a row that carries its own.
   */
  public abstract @Nullable String getRun();

  /** The final patch: top-level {@code model_patch}, else {@code metadata.model_patch.patch}. */
  public abstract @Nullable String getModelPatch();

  /** Messages per role; a message without a role counts as {@code unknown}. */
  public abstract Map<String, Integer> getRoleCounts();

  public abstract @Nullable Map<String, Long> getToolCounts();

  public abstract @Nullable PatchStats getPatchStats();

  /** The task's reference (gold) patch, {@code metadata.reference_patch.patch}, when the row has one. */
  public abstract @Nullable String getReferencePatch();

  /** The final patch against the reference patch (set by ParsePatch), or null without a reference. */
  public abstract @Nullable PatchMatch getPatchMatch();

  public abstract @Nullable TokenCounts getTokenCounts();

  /** Secrets replaced by a typed placeholder, per detection rule (empty when none). */
  public abstract Map<String, Integer> getSecretsRedacted();

  /** The benchmark this trajectory's task is from and how it matched ({@code swe-bench-verified:instance_id}), or null. */
  public abstract @Nullable String getContamination();

  /** The trajectory kept in place of this one, a duplicate of it, or null. */
  public abstract @Nullable String getDuplicateOf();

  /** The first problem with this trajectory's tool calls ({@code undefined_tool: x}), or null. */
  public abstract @Nullable String getToolCallError();

  /** Tokens cut from its tool outputs to fit the budget ({@code --overBudget=SHORTEN}), or null when none were. */
  public abstract @Nullable Long getSftTokensCut();

  /** Why FilterSft dropped it; null when kept or not filtered yet. */
  public abstract @Nullable String getSftDropReason();

  /** Whether the final patch has any content; blank text (Python's definition) is no patch. */
  public boolean hasPatch() {
    return getModelPatch() != null && !PyText.strip(getModelPatch()).isEmpty();
  }

  public AgentModel agentModel() {
    return AgentModel.of(getAgent(), getModel());
  }

  public int roleCount(String role) {
    return getRoleCounts().getOrDefault(role, 0);
  }

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_Trajectory.Builder()
        .setLanguage("unknown")
        .setResolved(-1)
        .setAgent("unknown")
        .setModel("unknown")
        .setTools(List.of())
        .setMetadataJson("{}")
        .setLabelSource(LabelSource.NONE)
        .setRoleCounts(Map.of())
        .setSecretsRedacted(Map.of());
  }

  /** Builder; also what Beam's schema inference uses to create values. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSource(String source);

    public abstract Builder setPosition(long position);

    public abstract Builder setTrajectoryId(@Nullable String trajectoryId);

    public abstract Builder setInstanceId(@Nullable String instanceId);

    public abstract Builder setRepo(@Nullable String repo);

    public abstract Builder setLanguage(String language);

    public abstract Builder setLicense(@Nullable String license);

    public abstract Builder setResolved(int resolved);

    public abstract Builder setAgent(String agent);

    public abstract Builder setModel(String model);

    public abstract Builder setMessages(List<Message> messages);

    public abstract Builder setTools(List<String> tools);

    public abstract Builder setMetadataJson(String metadataJson);

    public abstract Builder setCategory(@Nullable String category);

    public abstract Builder setMetaFiles(@Nullable Long metaFiles);

    public abstract Builder setMetaLines(@Nullable Long metaLines);

    public abstract Builder setTeacherModel(@Nullable String teacherModel);

    public abstract Builder setHfDatasetName(@Nullable String hfDatasetName);

    public abstract Builder setLabelSource(String labelSource);

    public abstract Builder setRun(@Nullable String run);

    public abstract Builder setModelPatch(@Nullable String modelPatch);

    public abstract Builder setRoleCounts(Map<String, Integer> roleCounts);

    public abstract Builder setToolCounts(@Nullable Map<String, Long> toolCounts);

    public abstract Builder setPatchStats(@Nullable PatchStats patchStats);

    public abstract Builder setReferencePatch(@Nullable String referencePatch);

    public abstract Builder setPatchMatch(@Nullable PatchMatch patchMatch);

    public abstract Builder setTokenCounts(@Nullable TokenCounts tokenCounts);

    public abstract Builder setSecretsRedacted(Map<String, Integer> secretsRedacted);

    public abstract Builder setContamination(@Nullable String contamination);

    public abstract Builder setDuplicateOf(@Nullable String duplicateOf);

    public abstract Builder setToolCallError(@Nullable String toolCallError);

    public abstract Builder setSftTokensCut(@Nullable Long sftTokensCut);

    public abstract Builder setSftDropReason(@Nullable String sftDropReason);

    public abstract Trajectory build();
  }
}
