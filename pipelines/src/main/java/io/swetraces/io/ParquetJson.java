package io.swetraces.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Converts a Parquet record (nested lists, structs and maps as Arrow, DuckDB and Hugging Face write
 * them) to the JSON the row would have had in a JSONL dump.
 */
final class ParquetJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ParquetJson() {}

  /** Thrown for a string column whose bytes are not valid UTF-8. */
  static final class InvalidUtf8 extends Exception {
    InvalidUtf8(String field) {
      super("column `" + field + "` is not valid UTF-8");
    }
  }

  static ObjectNode record(Group group) throws InvalidUtf8 {
    return struct(group, group.getType());
  }

  private static ObjectNode struct(Group group, GroupType type) throws InvalidUtf8 {
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type field = type.getType(i);
      int count = group.getFieldRepetitionCount(i);
      if (field.isRepetition(Type.Repetition.REPEATED)) {
        // Legacy two-level list: the repeated field itself is the list.
        ArrayNode list = node.putArray(field.getName());
        for (int j = 0; j < count; j++) {
          list.add(value(group, i, j, field));
        }
      } else {
        node.set(field.getName(), count == 0 ? NODES.nullNode() : value(group, i, 0, field));
      }
    }
    return node;
  }

  private static JsonNode value(Group group, int field, int index, Type type) throws InvalidUtf8 {
    if (type.isPrimitive()) {
      return primitive(group, field, index, type.asPrimitiveType());
    }
    Group child = group.getGroup(field, index);
    GroupType groupType = type.asGroupType();
    LogicalTypeAnnotation logical = groupType.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(child, groupType);
    }
    if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
      return map(child, groupType);
    }
    return struct(child, groupType);
  }

  /** {@code LIST}: a repeated group holding one element field (or, in legacy files, the element). */
  private static ArrayNode list(Group listGroup, GroupType listType) throws InvalidUtf8 {
    ArrayNode out = NODES.arrayNode();
    Type repeated = listType.getType(0);
    int n = listGroup.getFieldRepetitionCount(0);
    for (int j = 0; j < n; j++) {
      if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1) {
        out.add(value(listGroup, 0, j, repeated));
        continue;
      }
      Group entry = listGroup.getGroup(0, j);
      Type element = repeated.asGroupType().getType(0);
      out.add(entry.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(entry, 0, 0, element));
    }
    return out;
  }

  private static ObjectNode map(Group mapGroup, GroupType mapType) throws InvalidUtf8 {
    ObjectNode out = NODES.objectNode();
    GroupType kv = mapType.getType(0).asGroupType();
    int n = mapGroup.getFieldRepetitionCount(0);
    for (int j = 0; j < n; j++) {
      Group entry = mapGroup.getGroup(0, j);
      String key = value(entry, 0, 0, kv.getType(0)).asText();
      out.set(key, entry.getFieldRepetitionCount(1) == 0 ? NODES.nullNode() : value(entry, 1, 0, kv.getType(1)));
    }
    return out;
  }

  private static JsonNode primitive(Group group, int field, int index, PrimitiveType type)
      throws InvalidUtf8 {
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        return NODES.booleanNode(group.getBoolean(field, index));
      case INT32:
        return NODES.numberNode(group.getInteger(field, index));
      case INT64:
        return NODES.numberNode(group.getLong(field, index));
      case FLOAT:
        return NODES.numberNode(group.getFloat(field, index));
      case DOUBLE:
        return NODES.numberNode(group.getDouble(field, index));
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        ByteBuffer bytes = group.getBinary(field, index).toByteBuffer();
        try {
          return NODES.textNode(
              Utf8.decode(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining()));
        } catch (CharacterCodingException e) {
          throw new InvalidUtf8(type.getName());
        }
      default:
        // INT96 timestamps: not part of any trajectory schema.
        return NODES.nullNode();
    }
  }
}
