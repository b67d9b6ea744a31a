package io.swetraces.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.PatchStats;
import io.swetraces.model.TokenCounts;
import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

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
          .build();

  private AnalysisTable() {}

  /** The row of an analysed trajectory (after ExtractTools, ParsePatch, CountTokens, FilterSft). */
  public static Row row(Trajectory t) {
    PatchStats patch = t.getPatchStats();
    TokenCounts tokens = t.getTokenCounts();
    Map<String, Long> tools = t.getToolCounts();
    if (patch == null || tokens == null || tools == null) {
      throw new IllegalStateException("analysis rows need ExtractTools, ParsePatch and CountTokens");
    }
    int toolCalls = t.getMessages().stream().mapToInt(m -> m.getToolCalls().size()).sum();
    return Row.withSchema(SCHEMA)
        .addValues(
            t.getInstanceId(),
            t.getRepo(),
            t.getLanguage(),
            t.getLicense(),
            t.getResolved(),
            t.getAgent(),
            t.getModel(),
            t.getMessages().size(),
            t.roleCount("system"),
            t.roleCount("user"),
            t.roleCount("assistant"),
            t.roleCount("tool"),
            patch.getFiles(),
            patch.getAdded(),
            patch.getDeleted(),
            patch.churn(),
            tokens.getTrajTokens(),
            t.getCategory(),
            t.getMetaFiles(),
            t.getMetaLines(),
            t.getResolved() == 1,
            t.getResolved() == 0 || t.getResolved() == 1)
        .addValues(
            t.getTrajectoryId(),
            t.getSource(),
            t.getPosition(),
            t.getTeacherModel(),
            t.getHfDatasetName(),
            tokens.getSftTokens(),
            tokens.getAssistantTokens(),
            toolCalls,
            jsonObject(tools),
            jsonObject(patch.getExtensions()),
            t.hasPatch(),
            t.getSftDropReason() == null,
            t.getSftDropReason())
        .build();
  }

  public static String csvHeader() {
    return SCHEMA.getFieldNames().stream().collect(Collectors.joining(","));
  }

  /** One CSV line as pandas' {@code to_csv} writes it: booleans as True/False, nulls empty. */
  public static String csvLine(Row row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < SCHEMA.getFieldCount(); i++) {
      if (i > 0) {
        line.append(',');
      }
      Object v = row.getValue(i);
      if (v instanceof Boolean) {
        line.append((Boolean) v ? "True" : "False");
      } else if (v != null) {
        line.append(csvField(v.toString()));
      }
    }
    return line.toString();
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
