package io.swetraces.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Builds each Parquet record (nested lists, structs and maps as Arrow, DuckDB and Hugging Face write
 * them) straight into the JSON tree the row would have had in a JSON Lines dump, with no
 * intermediate record or text. Strings are decoded strictly as UTF-8; the row's bytes are counted as
 * they arrive, and past the row limit strings are no longer built.
 */
final class ParquetTrees extends RecordMaterializer<ObjectNode> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final long maxRowBytes;
  private final StructConverter root;
  private ObjectNode record;
  private long bytes;
  private @Nullable String invalidColumn;
  private boolean skipping;

  ParquetTrees(MessageType schema, long maxRowBytes) {
    this.maxRowBytes = maxRowBytes;
    this.root = new StructConverter(schema, node -> record = (ObjectNode) node) {
      @Override
      public void start() {
        bytes = 0;
        invalidColumn = null;
        super.start();
      }
    };
  }

  /** While skipping, records are read without building their strings: rows before a resume position. */
  void skipping(boolean skipping) {
    this.skipping = skipping;
  }

  @Override
  public ObjectNode getCurrentRecord() {
    return record;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  /** The bytes of the last record's values. */
  long bytes() {
    return bytes;
  }

  /** The first string column of the last record that was not valid UTF-8, or null. */
  @Nullable String invalidColumn() {
    return invalidColumn;
  }

  private Converter converter(Type type, Consumer<JsonNode> parent) {
    if (type.isPrimitive()) {
      return new ValueConverter(type.asPrimitiveType(), parent);
    }
    GroupType group = type.asGroupType();
    LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return new ListConverter(group, parent);
    }
    if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
      return new MapConverter(group, parent);
    }
    return new StructConverter(group, parent);
  }

  /** A struct: every field present in order, absent ones null; a repeated field (legacy list) as a list. */
  private class StructConverter extends GroupConverter {
    private final GroupType type;
    private final Consumer<JsonNode> parent;
    private final Converter[] fields;
    private ObjectNode node;

    StructConverter(GroupType type, Consumer<JsonNode> parent) {
      this.type = type;
      this.parent = parent;
      this.fields = new Converter[type.getFieldCount()];
      for (int i = 0; i < fields.length; i++) {
        Type field = type.getType(i);
        String name = field.getName();
        fields[i] = field.isRepetition(Type.Repetition.REPEATED)
            ? converter(field, v -> ((ArrayNode) node.get(name)).add(v))
            : converter(field, v -> node.set(name, v));
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fields[fieldIndex];
    }

    @Override
    public void start() {
      node = NODES.objectNode();
      for (Type field : type.getFields()) {
        if (field.isRepetition(Type.Repetition.REPEATED)) {
          node.putArray(field.getName());
        } else {
          node.set(field.getName(), NullNode.getInstance());
        }
      }
    }

    @Override
    public void end() {
      parent.accept(node);
    }
  }

  /**
   * {@code LIST}: a repeated group holding one element field, or, in legacy files, a repeated field
   * that is itself the element.
   */
  private class ListConverter extends GroupConverter {
    private final Consumer<JsonNode> parent;
    private final Converter entries;
    private ArrayNode list;
    private JsonNode element;

    ListConverter(GroupType type, Consumer<JsonNode> parent) {
      this.parent = parent;
      Type repeated = type.getType(0);
      if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1) {
        entries = converter(repeated, v -> list.add(v));
      } else {
        Converter value = converter(repeated.asGroupType().getType(0), v -> element = v);
        entries = new GroupConverter() {
          @Override
          public Converter getConverter(int fieldIndex) {
            return value;
          }

          @Override
          public void start() {
            element = NullNode.getInstance();
          }

          @Override
          public void end() {
            list.add(element);
          }
        };
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entries;
    }

    @Override
    public void start() {
      list = NODES.arrayNode();
    }

    @Override
    public void end() {
      parent.accept(list);
    }
  }

  /** {@code MAP}: key-value entries as an object, the key as text. */
  private class MapConverter extends GroupConverter {
    private final Consumer<JsonNode> parent;
    private final Converter entries;
    private ObjectNode map;
    private String key;
    private JsonNode value;

    MapConverter(GroupType type, Consumer<JsonNode> parent) {
      this.parent = parent;
      GroupType entry = type.getType(0).asGroupType();
      Converter[] parts = {
        converter(entry.getType(0), v -> key = v.asText()), converter(entry.getType(1), v -> value = v)
      };
      entries = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return parts[fieldIndex];
        }

        @Override
        public void start() {
          key = "";
          value = NullNode.getInstance();
        }

        @Override
        public void end() {
          map.set(key, value);
        }
      };
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entries;
    }

    @Override
    public void start() {
      map = NODES.objectNode();
    }

    @Override
    public void end() {
      parent.accept(map);
    }
  }

  /** One value of a primitive column. INT96 timestamps are part of no trajectory schema: null. */
  private class ValueConverter extends PrimitiveConverter {
    private final PrimitiveType type;
    private final Consumer<JsonNode> parent;

    ValueConverter(PrimitiveType type, Consumer<JsonNode> parent) {
      this.type = type;
      this.parent = parent;
    }

    @Override
    public void addBinary(Binary value) {
      int length = value.length();
      bytes += length;
      if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96
          || skipping || bytes > maxRowBytes || invalidColumn != null) {
        parent.accept(NullNode.getInstance());
        return;
      }
      try {
        ByteBuffer buffer = value.toByteBuffer();
        parent.accept(NODES.textNode(buffer.hasArray()
            ? Utf8.decode(buffer.array(), buffer.arrayOffset() + buffer.position(), length)
            : Utf8.decode(value.getBytes(), 0, length)));
      } catch (CharacterCodingException e) {
        invalidColumn = type.getName();
        parent.accept(NullNode.getInstance());
      }
    }

    @Override
    public void addBoolean(boolean value) {
      bytes += 1;
      parent.accept(NODES.booleanNode(value));
    }

    @Override
    public void addInt(int value) {
      bytes += 4;
      parent.accept(NODES.numberNode(value));
    }

    @Override
    public void addLong(long value) {
      bytes += 8;
      parent.accept(NODES.numberNode(value));
    }

    @Override
    public void addFloat(float value) {
      bytes += 4;
      parent.accept(NODES.numberNode(value));
    }

    @Override
    public void addDouble(double value) {
      bytes += 8;
      parent.accept(NODES.numberNode(value));
    }
  }
}
