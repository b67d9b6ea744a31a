package io.swetraces.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Typed reads of a raw record's fields, so that a value of a type the format never writes is a
 * {@code wrong_type} row, like it is for the row parser, instead of a wrong but quiet conversion.
 */
final class RecordFields {
  private RecordFields() {}

  static boolean present(@Nullable JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  /** A string or null. */
  static @Nullable String text(@Nullable JsonNode node, String at) throws BadRowException {
    if (!present(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw wrongType(at, node, "a string");
    }
    return node.textValue();
  }

  /** A string, or null for anything else: for optional facts, such as a config's model name. */
  static @Nullable String anyText(@Nullable JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** The objects of an array. */
  static List<ObjectNode> objects(@Nullable JsonNode node, String at) throws BadRowException {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode element : array(node, at)) {
      out.add(element(element, at));
    }
    return out;
  }

  /** A bool label as 1/0; -1 when the row has none. */
  static int label(@Nullable JsonNode node, String at) throws BadRowException {
    if (!present(node)) {
      return -1;
    }
    if (!node.isBoolean()) {
      throw wrongType(at, node, "a bool");
    }
    return node.booleanValue() ? 1 : 0;
  }

  /** An object, or null when absent. */
  static @Nullable ObjectNode object(@Nullable JsonNode node, String at) throws BadRowException {
    if (!present(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw wrongType(at, node, "an object");
    }
    return (ObjectNode) node;
  }

  /** An array; absent is an error too, as the conversation is what the row is for. */
  static ArrayNode array(@Nullable JsonNode node, String at) throws BadRowException {
    if (node == null || !node.isArray()) {
      throw wrongType(at, node, "an array");
    }
    return (ArrayNode) node;
  }

  /** An array stored nested or as a JSON string (a Hub column of type string). */
  static ArrayNode arrayOrJson(@Nullable JsonNode node, String at) throws BadRowException {
    if (node != null && node.isTextual()) {
      try {
        return array(Json.parse(node.textValue()), at);
      } catch (JsonProcessingException e) {
        throw new BadRowException(
            "malformed_json", "`" + at + "` is a string but not valid JSON: " + e.getOriginalMessage());
      }
    }
    return array(node, at);
  }

  /** Each element of an array of objects. */
  static ObjectNode element(JsonNode node, String at) throws BadRowException {
    if (!node.isObject()) {
      throw wrongType(at + "[]", node, "an object");
    }
    return (ObjectNode) node;
  }

  private static BadRowException wrongType(String at, @Nullable JsonNode value, String expected) {
    String kind = present(value) ? "a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT) : "null";
    return new BadRowException("wrong_type", "`" + at + "` is " + kind + ", expected " + expected);
  }
}
