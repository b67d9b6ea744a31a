package io.swetraces.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.model.Message;
import io.swetraces.model.AgentModel;
import io.swetraces.model.LabelSource;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns one row in any known variant of the Open-SWE-Traces schema into a canonical {@link
 * Trajectory}: {@code messages} or {@code trajectory}; messages, single messages and {@code
 * metadata} nested or as JSON strings; content as string, list of blocks or null; {@code resolved}
 * as -1/0/1, bool or missing; the patch at top level or in {@code metadata.model_patch.patch}; the
 * reference patch in {@code metadata.reference_patch.patch}.
 *
 * <p>Whatever the tutorial's helpers read, this reads the same way, so its columns come out equal.
 * Where a value has a type no variant uses (a number as content, an object as a role, ...), the row
 * is rejected with a reason instead of being guessed at.
 */
public final class TrajectoryParser implements Serializable {
  private final @Nullable String agentFlag;
  private final @Nullable String modelFlag;

  public TrajectoryParser(@Nullable String agentFlag, @Nullable String modelFlag) {
    this.agentFlag = agentFlag;
    this.modelFlag = modelFlag;
  }

  /** A row as JSON text, read from {@code source}, whose file is tagged (or not) with an agent and a model. */
  public Trajectory parse(
      String source, long position, String json, @Nullable String fileAgent, @Nullable String fileModel)
      throws BadRowException {
    JsonNode row;
    try {
      row = Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new BadRowException("malformed_json", "row is not valid JSON: " + e.getOriginalMessage());
    }
    if (row == null || !row.isObject()) {
      throw notAnObject(row);
    }
    return parse(source, position, row, fileAgent, fileModel);
  }

  public Trajectory parse(String source, long position, String json) throws BadRowException {
    return parse(source, position, json, null, null);
  }

  public Trajectory parse(String source, long position, JsonNode row) throws BadRowException {
    return parse(source, position, row, null, null);
  }

  /** The reject of a value that is no row: a scalar, an array. */
  public static BadRowException notAnObject(@Nullable JsonNode value) {
    return new BadRowException("not_an_object", "row is " + kind(value) + ", not an object");
  }

  /** The agent every row of a file gets whatever it holds, or null when the rows decide. */
  public @Nullable String fileAgent(String source, @Nullable String fileAgent) {
    return AgentModelTags.fileAgent(agentFlag, fileAgent, source);
  }

  /** The (agent, model) pair every row of a file gets whatever it holds, or null when the rows decide. */
  public @Nullable AgentModel filePair(String source, @Nullable String fileAgent, @Nullable String fileModel) {
    String agent = fileAgent(source, fileAgent);
    String model = AgentModelTags.fileModel(modelFlag, fileModel, source);
    return agent == null || model == null ? null : AgentModel.of(agent, model);
  }

  /** A row already parsed into a JSON tree (an object), read from a file tagged as above. */
  public Trajectory parse(
      String source, long position, JsonNode row, @Nullable String fileAgent, @Nullable String fileModel)
      throws BadRowException {
    List<Message> messages = messages(row);
    JsonNode metadata = metadata(row.get("metadata"));
    Map<String, Integer> roles = new LinkedHashMap<>();
    for (Message m : messages) {
      roles.merge(m.getRole(), 1, Integer::sum);
    }
    String language = text(row, "language");
    String teacher = teacherModel(metadata);
    int resolved = resolved(row.get("resolved"));
    return Trajectory.builder()
        .setSource(source)
        .setPosition(position)
        .setTrajectoryId(text(row, "trajectory_id"))
        .setInstanceId(text(row, "instance_id"))
        .setRepo(text(row, "repo"))
        // Python's `(language or "unknown").lower()`: an empty string counts as missing.
        .setLanguage(
            language == null || language.isEmpty() ? "unknown" : language.toLowerCase(Locale.ROOT))
        .setLicense(text(row, "license"))
        .setResolved(resolved)
        .setLabelSource(resolved >= 0 ? LabelSource.ROW : LabelSource.NONE)
        .setAgent(AgentModelTags.agent(agentFlag, fileAgent, text(row, "_agent"), source))
        .setModel(AgentModelTags.model(modelFlag, fileModel, text(row, "_model"), source, teacher))
        .setMessages(messages)
        .setTools(tools(row.get("tools")))
        .setMetadataJson(Json.write(metadata))
        .setCategory(scalarText(metadata.get("category")))
        .setMetaFiles(integral(metadata.get("num_modified_files")))
        .setMetaLines(integral(metadata.get("num_modified_lines")))
        .setTeacherModel(teacher)
        .setHfDatasetName(text(row, "hf_dataset_name"))
        .setModelPatch(patch(row, metadata))
        .setReferencePatch(referencePatch(metadata))
        .setRoleCounts(roles)
        .build();
  }

  private static List<Message> messages(JsonNode row) throws BadRowException {
    String field = present(row.get("messages")) ? "messages" : "trajectory";
    JsonNode list = decoded(row.get(field), field);
    if (list == null) {
      throw new BadRowException("missing_messages", "row has neither `messages` nor `trajectory`");
    }
    if (!list.isArray()) {
      throw wrongType(field, list, "a list of messages");
    }
    List<Message> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(message(list.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  private static Message message(JsonNode node, String at) throws BadRowException {
    JsonNode m = node;
    if (node.isTextual()) {
      try {
        m = Json.parse(node.textValue());
      } catch (JsonProcessingException e) {
        m = null;
      }
      if (m == null || !m.isObject()) {
        // A message that is plain text, as the tutorial reads it (it drops text such as "42"
        // that happens to parse as a JSON scalar; that is kept here too).
        return Message.of("unknown", node.textValue());
      }
    }
    if (!m.isObject()) {
      throw wrongType(at, m, "a message object");
    }
    JsonNode role = m.get("role");
    if (present(role) && !role.isTextual()) {
      throw wrongType(at + ".role", role, "a string");
    }
    return Message.builder()
        .setRole(present(role) ? role.textValue() : "unknown")
        .setContent(content(m.get("content"), at + ".content"))
        .setReasoningContent(string(m.get("reasoning_content"), at + ".reasoning_content"))
        .setToolCalls(toolCalls(m.get("tool_calls"), at + ".tool_calls"))
        .setToolCallId(string(m.get("tool_call_id"), at + ".tool_call_id"))
        .setName(string(m.get("name"), at + ".name"))
        .build();
  }

  /** The tutorial's {@code message_text}: strings as they are, text blocks joined by newlines. */
  private static String content(@Nullable JsonNode content, String at) throws BadRowException {
    if (!present(content)) {
      return "";
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    if (!content.isArray()) {
      throw wrongType(at, content, "a string, a list of blocks or null");
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      String part = "";
      if (block.isTextual()) {
        part = block.textValue();
      } else if (block.isObject()) {
        part = truthyText(block.get("text"), at);
        if (part.isEmpty()) {
          part = truthyText(block.get("content"), at);
        }
      }
      if (!part.isEmpty()) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(part);
      }
    }
    return text.toString();
  }

  private static String truthyText(@Nullable JsonNode value, String at) throws BadRowException {
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw wrongType(at + "[].text", value, "a string");
    }
    return value.textValue();
  }

  private static List<ToolCall> toolCalls(@Nullable JsonNode node, String at) throws BadRowException {
    JsonNode calls = decoded(node, at);
    if (calls == null) {
      return List.of();
    }
    if (!calls.isArray()) {
      throw wrongType(at, calls, "a list of tool calls");
    }
    List<ToolCall> out = new ArrayList<>(calls.size());
    for (JsonNode call : calls) {
      if (!call.isObject()) {
        throw wrongType(at + "[]", call, "a tool call object");
      }
      JsonNode fn = call.get("function");
      if (!present(fn)) {
        throw new BadRowException("invalid_value", "`" + at + "[].function` is missing: a tool call names what it calls");
      }
      if (!fn.isObject()) {
        throw wrongType(at + "[].function", fn, "an object");
      }
      String name = string(fn.get("name"), at + "[].function.name");
      if (name == null || name.isEmpty()) {
        throw new BadRowException("invalid_value", "`" + at + "[].function.name` is missing or empty");
      }
      JsonNode args = fn.get("arguments");
      String arguments =
          !present(args) ? "{}" : args.isTextual() ? args.textValue() : Json.write(args);
      String type = string(call.get("type"), at + "[].type");
      out.add(ToolCall.of(string(call.get("id"), at + "[].id"), type == null ? "function" : type, name, arguments));
    }
    return out;
  }

  private static JsonNode metadata(@Nullable JsonNode node) throws BadRowException {
    JsonNode meta = decoded(node, "metadata");
    if (meta == null) {
      return Json.MAPPER.createObjectNode();
    }
    if (!meta.isObject()) {
      throw wrongType("metadata", meta, "an object");
    }
    return meta;
  }

  private static @Nullable String teacherModel(JsonNode metadata) throws BadRowException {
    JsonNode teacher = metadata.get("teacher_model");
    if (teacher != null && teacher.isObject()) {
      return string(teacher.get("name"), "metadata.teacher_model.name");
    }
    return string(teacher, "metadata.teacher_model");
  }

  private static @Nullable String patch(JsonNode row, JsonNode metadata) throws BadRowException {
    String top = string(row.get("model_patch"), "model_patch");
    if (top != null) {
      return top;
    }
    JsonNode nested = metadata.get("model_patch");
    if (nested != null && nested.isObject()) {
      return string(nested.get("patch"), "metadata.model_patch.patch");
    }
    return string(nested, "metadata.model_patch");
  }

  private static @Nullable String referencePatch(JsonNode metadata) throws BadRowException {
    JsonNode reference = metadata.get("reference_patch");
    if (reference != null && reference.isObject()) {
      return string(reference.get("patch"), "metadata.reference_patch.patch");
    }
    return string(reference, "metadata.reference_patch");
  }

  private static List<String> tools(@Nullable JsonNode node) throws BadRowException {
    JsonNode tools = decoded(node, "tools");
    if (tools == null) {
      return List.of();
    }
    if (!tools.isArray()) {
      throw wrongType("tools", tools, "a list of tool definitions");
    }
    List<String> out = new ArrayList<>(tools.size());
    for (JsonNode tool : tools) {
      JsonNode def = decoded(tool, "tools[]");
      if (def == null || !def.isObject()) {
        throw wrongType("tools[]", def, "a tool definition object");
      }
      out.add(Json.write(def));
    }
    return out;
  }

  private static int resolved(@Nullable JsonNode node) throws BadRowException {
    if (!present(node)) {
      return -1;
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? 1 : 0;
    }
    if (node.isNumber() && isIntegral(node)) {
      long v = node.asLong();
      if (v >= -1 && v <= 1) {
        return (int) v;
      }
    }
    throw new BadRowException(
        "invalid_value", "`resolved` is " + excerpt(node) + ", expected -1, 0, 1, a bool or null");
  }

  /** A value that may be stored nested or as a JSON string; null when absent. */
  private static @Nullable JsonNode decoded(@Nullable JsonNode node, String at) throws BadRowException {
    if (!present(node)) {
      return null;
    }
    if (!node.isTextual()) {
      return node;
    }
    try {
      JsonNode parsed = Json.parse(node.textValue());
      return present(parsed) ? parsed : null;
    } catch (JsonProcessingException e) {
      throw new BadRowException(
          "malformed_json", "`" + at + "` is a string but not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A top-level string field: a string or null; any other value is {@code wrong_type}. */
  private static @Nullable String text(JsonNode row, String field) throws BadRowException {
    return string(row.get(field), field);
  }

  private static @Nullable String string(@Nullable JsonNode node, String at) throws BadRowException {
    if (!present(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw wrongType(at, node, "a string");
    }
    return node.textValue();
  }

  private static @Nullable String scalarText(@Nullable JsonNode node) {
    if (!present(node)) {
      return null;
    }
    return node.isContainerNode() ? Json.write(node) : node.asText();
  }

  private static @Nullable Long integral(@Nullable JsonNode node) {
    return present(node) && node.isNumber() && isIntegral(node) ? node.asLong() : null;
  }

  private static boolean isIntegral(JsonNode number) {
    return number.isIntegralNumber() || number.asDouble() == Math.rint(number.asDouble());
  }

  private static boolean present(@Nullable JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  private static BadRowException wrongType(String at, @Nullable JsonNode value, String expected) {
    return new BadRowException(
        "wrong_type", "`" + at + "` is " + kind(value) + ", expected " + expected);
  }

  private static String kind(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String excerpt(JsonNode node) {
    String s = node.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
