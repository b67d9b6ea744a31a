package io.swetraces.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

/** Open-SWE-Traces rows as nested Parquet, with the column layout the Hub's shards have. */
final class ParquetRows {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message schema {
        optional binary instance_id (STRING);
        optional binary repo (STRING);
        optional binary license (STRING);
        optional binary language (STRING);
        optional binary trajectory_id (STRING);
        optional group messages (LIST) {
          repeated group list {
            optional group element {
              optional binary role (STRING);
              optional binary content (STRING);
              optional group tool_calls (LIST) {
                repeated group list {
                  optional group element {
                    optional binary id (STRING);
                    optional binary type (STRING);
                    optional group function {
                      optional binary name (STRING);
                      optional binary arguments (STRING);
                    }
                  }
                }
              }
              optional binary tool_call_id (STRING);
              optional binary reasoning_content (STRING);
              optional binary name (STRING);
            }
          }
        }
        optional group tools (LIST) {
          repeated group list {
            optional binary element (STRING);
          }
        }
        optional int64 resolved;
        optional group metadata {
          optional group teacher_model {
            optional binary name (STRING);
          }
          optional group model_patch {
            optional binary patch (STRING);
            optional int64 num_modified_files;
            optional int64 num_modified_lines;
          }
        }
        optional binary model_patch (STRING);
        optional binary hf_dataset_name (STRING);
        optional binary _agent (STRING);
        optional binary _model (STRING);
        optional group _source {
          optional binary format (STRING);
          optional binary path (STRING);
          optional int64 record;
          optional binary exit_status (STRING);
          optional binary error (STRING);
        }
      }
      """);

  private ParquetRows() {}

  static ParquetWriter<Group> writer(Path file, long rowGroupBytes, long pageBytes) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupSize(rowGroupBytes)
        .withPageSize((int) Math.min(pageBytes, Integer.MAX_VALUE))
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }

  static Group group(JsonNode row) {
    Group g = new SimpleGroupFactory(SCHEMA).newGroup();
    fill(g, SCHEMA, row);
    return g;
  }

  /** Copies the JSON fields the schema names; absent and null fields stay unset (null). */
  private static void fill(Group g, GroupType type, JsonNode json) {
    for (Type field : type.getFields()) {
      JsonNode value = json.get(field.getName());
      if (value == null || value.isNull()) {
        continue;
      }
      if (field.isPrimitive()) {
        switch (field.asPrimitiveType().getPrimitiveTypeName()) {
          case INT64 -> g.append(field.getName(), value.asLong());
          case BINARY -> g.append(field.getName(), value.isTextual() ? value.asText() : value.toString());
          default -> throw new IllegalArgumentException("unexpected column " + field);
        }
      } else if (field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        Group list = g.addGroup(field.getName());
        Type element = field.asGroupType().getType(0).asGroupType().getType(0);
        for (JsonNode item : value) {
          Group entry = list.addGroup(0);
          if (element.isPrimitive()) {
            entry.append(element.getName(), item.isTextual() ? item.asText() : item.toString());
          } else {
            fill(entry.addGroup(element.getName()), element.asGroupType(), item);
          }
        }
      } else {
        fill(g.addGroup(field.getName()), field.asGroupType(), value);
      }
    }
  }

  /** A local file for Parquet's writer, without Hadoop's file system and its checksum files. */
  private record LocalOutputFile(Path path) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      return stream(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      return stream(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    private PositionOutputStream stream(StandardOpenOption... options) throws IOException {
      OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path, options), 1 << 16);
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          position += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }
}
