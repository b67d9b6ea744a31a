package io.swetraces.curate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks a trajectory's tool calls the way a trainer's chat template and a model learning from them
 * need: every call names a tool the row defines, its arguments are a JSON object valid against the
 * tool's JSON Schema, every tool result answers a call made before it, and every call is answered
 * (but those of the last message, which nothing could answer). A row without tool definitions is
 * checked for pairing only; one without structured calls has nothing to check.
 */
public final class ToolCallCheck implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Distinct tool definitions whose schemas are kept compiled; real rows share a handful. */
  private static final int CACHED_SCHEMAS = 512;

  private transient @Nullable Map<String, Map<String, JsonSchema>> definitions;

  /** The first problem found ({@code kind: detail}), or null when the calls are sound. */
  public @Nullable String firstError(Trajectory t) {
    Map<String, JsonSchema> tools = tools(t.getTools());
    Set<String> issued = new HashSet<>();
    Set<String> answered = new HashSet<>();
    List<Message> messages = t.getMessages();
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if ("tool".equals(m.getRole())) {
        String id = m.getToolCallId();
        if (id == null || !issued.contains(id)) {
          return "unpaired_tool_result: " + (id == null ? "no tool_call_id" : id);
        }
        answered.add(id);
      }
      for (ToolCall call : m.getToolCalls()) {
        String error = callError(call, tools);
        if (error != null) {
          return error;
        }
        if (call.getId() != null) {
          issued.add(call.getId());
        }
      }
    }
    Set<String> last = new HashSet<>();
    if (!messages.isEmpty()) {
      messages.get(messages.size() - 1).getToolCalls().forEach(c -> last.add(c.getId()));
    }
    for (String id : issued) {
      if (!answered.contains(id) && !last.contains(id)) {
        return "unanswered_call: " + id;
      }
    }
    return null;
  }

  private static @Nullable String callError(ToolCall call, Map<String, JsonSchema> tools) {
    String name = call.getName();
    if (!tools.isEmpty() && !tools.containsKey(name)) {
      return "undefined_tool: " + name;
    }
    JsonNode args;
    try {
      args = Json.parse(call.getArguments());
    } catch (JsonProcessingException e) {
      return "arguments_not_json: " + name;
    }
    if (args == null || !args.isObject()) {
      return "arguments_not_an_object: " + name;
    }
    JsonSchema schema = tools.get(name);
    if (schema != null) {
      Set<ValidationMessage> problems = schema.validate(args);
      if (!problems.isEmpty()) {
        return "arguments_off_schema: " + name + " (" + problems.iterator().next().getMessage() + ")";
      }
    }
    return null;
  }

  /** The row's tools by name, each with its parameters' schema (or none when it declares none). */
  private Map<String, JsonSchema> tools(List<String> definitions) {
    if (definitions.isEmpty()) {
      return Map.of();
    }
    String key = String.join("\n", definitions);
    Map<String, Map<String, JsonSchema>> cache = cache();
    Map<String, JsonSchema> tools = cache.get(key);
    if (tools == null) {
      tools = compile(definitions);
      if (cache.size() >= CACHED_SCHEMAS) {
        cache.clear();
      }
      cache.put(key, tools);
    }
    return tools;
  }

  private Map<String, Map<String, JsonSchema>> cache() {
    if (this.definitions == null) {
      this.definitions = new HashMap<>();
    }
    return this.definitions;
  }

  private static Map<String, JsonSchema> compile(List<String> definitions) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    Map<String, JsonSchema> tools = new LinkedHashMap<>();
    for (String definition : definitions) {
      JsonNode d;
      try {
        d = Json.parse(definition);
      } catch (JsonProcessingException e) {
        continue; // the parser stored it as JSON: not reached
      }
      JsonNode function = d.has("function") ? d.get("function") : d;
      String name = function.path("name").asText(null);
      if (name == null) {
        continue;
      }
      JsonNode parameters = function.get("parameters");
      tools.put(name, parameters != null && parameters.isObject() ? factory.getSchema(parameters) : null);
    }
    return tools;
  }
}
