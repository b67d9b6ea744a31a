package io.swetraces.model;

import com.google.auto.value.AutoValue;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One analysed trajectory's figures: the tutorial's analysis table row and what it lacks. Small
 * where the trajectory is large, it is what the run's statistics and the analysis outputs take.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class AnalysisRow {
  public abstract @Nullable String getInstanceId();

  public abstract @Nullable String getRepo();

  public abstract String getLanguage();

  public abstract @Nullable String getLicense();

  /** 1 resolved, 0 not resolved, -1 unknown. */
  public abstract int getResolved();

  public abstract String getAgent();

  public abstract String getModel();

  public abstract int getMessages();

  public abstract int getSystemMessages();

  public abstract int getUserMessages();

  public abstract int getAssistantMessages();

  public abstract int getToolMessages();

  public abstract int getPatchFiles();

  public abstract int getPatchAdded();

  public abstract int getPatchDeleted();

  public abstract long getTrajTokens();

  public abstract @Nullable String getCategory();

  public abstract @Nullable Long getMetaFiles();

  public abstract @Nullable Long getMetaLines();

  public abstract @Nullable String getTrajectoryId();

  public abstract String getSourceFile();

  public abstract long getSourceRow();

  public abstract @Nullable String getTeacherModel();

  public abstract @Nullable String getHfDatasetName();

  /** Where the label comes from ({@link LabelSource}). */
  public abstract String getLabelSource();

  public abstract Map<String, Integer> getSecretsRedacted();

  public abstract @Nullable String getContamination();

  public abstract @Nullable String getDuplicateOf();

  public abstract @Nullable String getToolCallError();

  /** Tokens cut from the example's tool outputs to fit the budget, or null. */
  public abstract @Nullable Long getSftTokensCut();

  public abstract long getSftTokens();

  public abstract long getAssistantTokens();

  /** The final patch against the reference patch, when the row has one. */
  public abstract @Nullable PatchMatch getPatchMatch();

  /** Special tokens written as text in the conversation (see TokenCounts). */
  public abstract long getSpecialTokenTexts();

  public abstract int getToolCalls();

  /** Uses per tool (see {@code ToolExtractor}). */
  public abstract Map<String, Long> getToolCounts();

  /** Patched files per lower-cased extension. */
  public abstract Map<String, Integer> getPatchExtensions();

  /** Whether the final patch has any content. */
  public abstract boolean isPatched();

  /** Why FilterSft dropped it; null when it is a training example. */
  public abstract @Nullable String getSftDropReason();

  public int patchChurn() {
    return getPatchAdded() + getPatchDeleted();
  }

  public boolean wasResolved() {
    return getResolved() == 1;
  }

  /** Whether the outcome is known: resolved is 1 or 0. */
  public boolean hasLabel() {
    return getResolved() == 0 || getResolved() == 1;
  }

  public boolean sftKept() {
    return getSftDropReason() == null;
  }

  public AgentModel agentModel() {
    return AgentModel.of(getAgent(), getModel());
  }

  /** The row of a trajectory that went through ExtractTools, ParsePatch, CountTokens and FilterSft. */
  public static AnalysisRow of(Trajectory t) {
    PatchStats patch = t.getPatchStats();
    TokenCounts tokens = t.getTokenCounts();
    Map<String, Long> tools = t.getToolCounts();
    if (patch == null || tokens == null || tools == null) {
      throw new IllegalStateException("analysis rows need ExtractTools, ParsePatch and CountTokens");
    }
    return builder()
        .setInstanceId(t.getInstanceId())
        .setRepo(t.getRepo())
        .setLanguage(t.getLanguage())
        .setLicense(t.getLicense())
        .setResolved(t.getResolved())
        .setAgent(t.getAgent())
        .setModel(t.getModel())
        .setMessages(t.getMessages().size())
        .setSystemMessages(t.roleCount("system"))
        .setUserMessages(t.roleCount("user"))
        .setAssistantMessages(t.roleCount("assistant"))
        .setToolMessages(t.roleCount("tool"))
        .setPatchFiles(patch.getFiles())
        .setPatchAdded(patch.getAdded())
        .setPatchDeleted(patch.getDeleted())
        .setTrajTokens(tokens.getTrajTokens())
        .setCategory(t.getCategory())
        .setMetaFiles(t.getMetaFiles())
        .setMetaLines(t.getMetaLines())
        .setTrajectoryId(t.getTrajectoryId())
        .setSourceFile(t.getSource())
        .setSourceRow(t.getPosition())
        .setTeacherModel(t.getTeacherModel())
        .setHfDatasetName(t.getHfDatasetName())
        .setLabelSource(t.getLabelSource())
        .setSecretsRedacted(t.getSecretsRedacted())
        .setContamination(t.getContamination())
        .setDuplicateOf(t.getDuplicateOf())
        .setToolCallError(t.getToolCallError())
        .setSftTokensCut(t.getSftTokensCut())
        .setSftTokens(tokens.getSftTokens())
        .setAssistantTokens(tokens.getAssistantTokens())
        .setSpecialTokenTexts(tokens.getSpecialTokenTexts())
        .setPatchMatch(t.getPatchMatch())
        .setToolCalls(t.getMessages().stream().mapToInt(m -> m.getToolCalls().size()).sum())
        .setToolCounts(tools)
        .setPatchExtensions(patch.getExtensions())
        .setPatched(t.hasPatch())
        .setSftDropReason(t.getSftDropReason())
        .build();
  }

  public static Builder builder() {
    return new AutoValue_AnalysisRow.Builder().setSpecialTokenTexts(0).setLabelSource(LabelSource.NONE)
        .setSecretsRedacted(Map.of());
  }

  /** Builder; also what Beam's schema inference uses to create values. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setInstanceId(@Nullable String instanceId);

    public abstract Builder setRepo(@Nullable String repo);

    public abstract Builder setLanguage(String language);

    public abstract Builder setLicense(@Nullable String license);

    public abstract Builder setResolved(int resolved);

    public abstract Builder setAgent(String agent);

    public abstract Builder setModel(String model);

    public abstract Builder setMessages(int messages);

    public abstract Builder setSystemMessages(int systemMessages);

    public abstract Builder setUserMessages(int userMessages);

    public abstract Builder setAssistantMessages(int assistantMessages);

    public abstract Builder setToolMessages(int toolMessages);

    public abstract Builder setPatchFiles(int patchFiles);

    public abstract Builder setPatchAdded(int patchAdded);

    public abstract Builder setPatchDeleted(int patchDeleted);

    public abstract Builder setTrajTokens(long trajTokens);

    public abstract Builder setCategory(@Nullable String category);

    public abstract Builder setMetaFiles(@Nullable Long metaFiles);

    public abstract Builder setMetaLines(@Nullable Long metaLines);

    public abstract Builder setTrajectoryId(@Nullable String trajectoryId);

    public abstract Builder setSourceFile(String sourceFile);

    public abstract Builder setSourceRow(long sourceRow);

    public abstract Builder setTeacherModel(@Nullable String teacherModel);

    public abstract Builder setHfDatasetName(@Nullable String hfDatasetName);

    public abstract Builder setLabelSource(String labelSource);

    public abstract Builder setSecretsRedacted(Map<String, Integer> secretsRedacted);

    public abstract Builder setContamination(@Nullable String contamination);

    public abstract Builder setDuplicateOf(@Nullable String duplicateOf);

    public abstract Builder setToolCallError(@Nullable String toolCallError);

    public abstract Builder setSftTokensCut(@Nullable Long sftTokensCut);

    public abstract Builder setSftTokens(long sftTokens);

    public abstract Builder setAssistantTokens(long assistantTokens);

    public abstract Builder setSpecialTokenTexts(long specialTokenTexts);

    public abstract Builder setPatchMatch(@Nullable PatchMatch patchMatch);

    public abstract Builder setToolCalls(int toolCalls);

    public abstract Builder setToolCounts(Map<String, Long> toolCounts);

    public abstract Builder setPatchExtensions(Map<String, Integer> patchExtensions);

    public abstract Builder setPatched(boolean patched);

    public abstract Builder setSftDropReason(@Nullable String sftDropReason);

    public abstract AnalysisRow build();
  }
}
