package io.swetraces.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.AnalysisRow;
import io.swetraces.model.PatchMatch;
import io.swetraces.text.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The per-trajectory analysis table: the tutorial's columns first, in its order and with its
 * meaning, then the columns it lacks.
 */
public final class AnalysisTable {
  public static final Schema SCHEMA =
      Schema.builder()
          .addNullableStringField("instance_id")
          .addNullableStringField("repo")
          .addStringField("language")
          .addNullableStringField("license")
          .addInt32Field("resolved")
          .addStringField("agent")
          .addStringField("model")
          .addInt32Field("n_messages")
          .addInt32Field("n_system")
          .addInt32Field("n_user")
          .addInt32Field("n_assistant")
          .addInt32Field("n_tool")
          .addInt32Field("patch_files")
          .addInt32Field("patch_add")
          .addInt32Field("patch_del")
          .addInt32Field("patch_churn")
          .addInt64Field("traj_tokens")
          .addNullableStringField("category")
          .addNullableField("meta_files", FieldType.INT64)
          .addNullableField("meta_lines", FieldType.INT64)
          .addBooleanField("is_resolved")
          .addBooleanField("known_label")
          // Beyond the tutorial:
          .addNullableStringField("trajectory_id")
          .addStringField("source_file")
          .addInt64Field("source_row")
          .addNullableStringField("teacher_model")
          .addNullableStringField("hf_dataset_name")
          .addInt64Field("sft_tokens")
          .addInt64Field("assistant_tokens")
          .addInt32Field("n_tool_calls")
          .addStringField("tool_counts")
          .addStringField("patch_extensions")
          .addBooleanField("has_patch")
          .addBooleanField("sft_kept")
          .addNullableStringField("sft_drop_reason")
          .addInt64Field("special_token_texts")
          .addNullableInt32Field("ref_patch_files")
          .addNullableInt32Field("files_in_both")
          .addNullableDoubleField("file_precision")
          .addNullableDoubleField("file_recall")
          .addNullableBooleanField("same_changes_as_reference")
          .addStringField("label_source")
          .addStringField("secrets_redacted")
          .addNullableStringField("contamination")
          .addNullableStringField("duplicate_of")
          .addNullableStringField("tool_call_error")
          .addNullableInt64Field("sft_tokens_cut")
          .build();

  private AnalysisTable() {}

  /** The table's row of an analysed trajectory. */
  public static Row row(AnalysisRow r) {
    return Row.withSchema(SCHEMA)
        .addValues(
            r.getInstanceId(),
            r.getRepo(),
            r.getLanguage(),
            r.getLicense(),
            r.getResolved(),
            r.getAgent(),
            r.getModel(),
            r.getMessages(),
            r.getSystemMessages(),
            r.getUserMessages(),
            r.getAssistantMessages(),
            r.getToolMessages(),
            r.getPatchFiles(),
            r.getPatchAdded(),
            r.getPatchDeleted(),
            r.patchChurn(),
            r.getTrajTokens(),
            r.getCategory(),
            r.getMetaFiles(),
            r.getMetaLines(),
            r.wasResolved(),
            r.hasLabel())
        .addValues(
            r.getTrajectoryId(),
            r.getSourceFile(),
            r.getSourceRow(),
            r.getTeacherModel(),
            r.getHfDatasetName(),
            r.getSftTokens(),
            r.getAssistantTokens(),
            r.getToolCalls(),
            jsonObject(r.getToolCounts()),
            jsonObject(r.getPatchExtensions()),
            r.isPatched(),
            r.sftKept(),
            r.getSftDropReason(),
            r.getSpecialTokenTexts())
        .addValues(referenceColumns(r.getPatchMatch()))
        .addValue(r.getLabelSource())
        .addValues(jsonObject(r.getSecretsRedacted()), r.getContamination(), r.getDuplicateOf(), r.getToolCallError(),
            r.getSftTokensCut())
        .build();
  }

  public static String csvHeader() {
    return SCHEMA.getFieldNames().stream().collect(Collectors.joining(","));
  }

  /** The columns comparing the final patch with the reference patch: all null without one. */
  private static List<Object> referenceColumns(@Nullable PatchMatch m) {
    return m == null
        ? Arrays.asList(null, null, null, null, null)
        : Arrays.asList(m.getReferenceFiles(), m.getFilesInBoth(), m.getFilePrecision(), m.getFileRecall(),
            m.getSameChanges());
  }

  /**
   * One CSV line as pandas' {@code to_csv} writes it: booleans as True/False, nulls empty; text that
   * a spreadsheet would run as a formula is {@link #defused}.
   */
  public static String csvLine(AnalysisRow r) {
    Row row = row(r);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < SCHEMA.getFieldCount(); i++) {
      if (i > 0) {
        line.append(',');
      }
      Object v = row.getValue(i);
      if (v instanceof Boolean) {
        line.append((Boolean) v ? "True" : "False");
      } else if (v instanceof String text) {
        line.append(csvField(defused(text)));
      } else if (v != null) {
        line.append(csvField(v.toString()));
      }
    }
    return line.toString();
  }

  /**
   * Text starting with {@code = + - @}, a tab or a carriage return, which spreadsheets read as a
   * formula, with a {@code '} before it, as OWASP advises against CSV injection. Only text cells:
   * numbers stay numbers, and the Parquet table and SFT files keep the text as it is.
   */
  static String defused(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
  }

  /** Python csv's QUOTE_MINIMAL: quoted only when it holds a comma, a quote or a line break. */
  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  // Keys sorted: a map that went through a coder comes back in hash order, so the order it was
  // built in does not survive every runner.
  private static String jsonObject(Map<String, ? extends Number> counts) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    new TreeMap<>(counts).forEach((k, v) -> node.put(k, v.longValue()));
    return Json.write(node);
  }
}
