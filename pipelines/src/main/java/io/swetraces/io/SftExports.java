package io.swetraces.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.chat.ChatFormat;
import io.swetraces.chat.ChatTemplate;
import io.swetraces.chat.LossMask;
import io.swetraces.chat.SftFormat;
import io.swetraces.chat.ShareGpt;
import io.swetraces.model.Message;
import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A training example in each {@link SftFormat}: one JSON tree, written as a JSON line and as an Avro
 * record of the format's schema (the Parquet shards), so both files hold the same values. Every
 * format carries the example's identity and counts beside its own columns.
 */
public final class SftExports {
  private SftExports() {}

  /** The example in a format; {@code text} is the template's rendering, else ChatML's. */
  public static ObjectNode record(SftFormat format, Trajectory t, @Nullable ChatTemplate template, LossMask mask) {
    List<Message> messages = mask.messages(t.getMessages());
    ObjectNode out = Json.MAPPER.createObjectNode();
    switch (format) {
      case OPENAI -> {
        ArrayNode array = out.putArray("messages");
        boolean[] train = mask.train(messages);
        for (int i = 0; i < messages.size(); i++) {
          ObjectNode m = Json.MAPPER.valueToTree(ChatFormat.message(messages.get(i)));
          array.add(m.put("train", train[i]));
        }
        out.put("tools", tools(t.getTools(), null));
      }
      case SHAREGPT -> {
        ShareGpt.Conversation c = ShareGpt.of(messages);
        ArrayNode array = out.putArray("conversations");
        for (ShareGpt.Turn turn : c.turns()) {
          array.addObject().put("from", turn.from()).put("value", turn.value());
        }
        out.put("system", c.system());
        out.put("tools", tools(t.getTools(), ""));
      }
      case TEXT -> out.put("text", SftRecords.text(messages, t.getTools(), template));
    }
    out.put("trajectory_id", t.getTrajectoryId());
    out.put("instance_id", t.getInstanceId());
    out.put("repo", t.getRepo());
    out.put("language", t.getLanguage());
    out.put("license", t.getLicense());
    out.put("agent", t.getAgent());
    out.put("model", t.getModel());
    out.put("resolved", t.getResolved());
    out.put("sft_tokens", t.getTokenCounts().getSftTokens());
    out.put("assistant_tokens", t.getTokenCounts().getAssistantTokens());
    return out;
  }

  /** The tool definitions as one JSON string, as TRL and LLaMA-Factory take them; {@code none} without tools. */
  private static @Nullable String tools(List<String> tools, @Nullable String none) {
    if (tools.isEmpty()) {
      return none;
    }
    List<Map<String, Object>> parsed = ChatFormat.tools(tools);
    return Json.write(Json.MAPPER.valueToTree(parsed));
  }

  /** The Avro (so Parquet) schema of a format's records. */
  public static Schema schema(SftFormat format) {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(
        "Sft" + format.folder().substring(0, 1).toUpperCase() + format.folder().substring(1)).namespace("io.swetraces")
        .fields();
    switch (format) {
      case OPENAI -> {
        Schema function = SchemaBuilder.record("Function").fields()
            .requiredString("name").requiredString("arguments").endRecord();
        Schema call = SchemaBuilder.record("ToolCall").fields()
            .optionalString("id").requiredString("type").name("function").type(function).noDefault().endRecord();
        Schema message = SchemaBuilder.record("Message").fields()
            .requiredString("role").requiredString("content").optionalString("reasoning_content")
            .name("tool_calls").type().optional().array().items(call)
            .optionalString("tool_call_id").optionalString("name").requiredBoolean("train").endRecord();
        fields = fields.name("messages").type().array().items(message).noDefault().optionalString("tools");
      }
      case SHAREGPT -> {
        Schema turn = SchemaBuilder.record("Turn").fields().requiredString("from").requiredString("value").endRecord();
        fields = fields.name("conversations").type().array().items(turn).noDefault()
            .requiredString("system").requiredString("tools");
      }
      case TEXT -> fields = fields.requiredString("text");
    }
    return fields.optionalString("trajectory_id").optionalString("instance_id").optionalString("repo")
        .requiredString("language").optionalString("license").requiredString("agent").requiredString("model")
        .requiredInt("resolved").requiredLong("sft_tokens").requiredLong("assistant_tokens").endRecord();
  }

  /** The JSON tree as a record of the schema: the same values, typed. */
  public static Object avro(Schema schema, @Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    switch (schema.getType()) {
      case UNION:
        return avro(schema.getTypes().get(schema.getTypes().get(0).getType() == Schema.Type.NULL ? 1 : 0), node);
      case RECORD:
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
          record.put(f.pos(), avro(f.schema(), node.get(f.name())));
        }
        return record;
      case ARRAY:
        List<Object> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          items.add(avro(schema.getElementType(), item));
        }
        return items;
      case BOOLEAN:
        return node.asBoolean();
      case INT:
        return node.asInt();
      case LONG:
        return node.asLong();
      default:
        return node.asText();
    }
  }
}
