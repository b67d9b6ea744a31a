package io.swetraces.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.swetraces.text.Json;
import java.io.IOException;

/**
 * JSON text as Python's {@code json.dumps} writes it by default ({@code ", "} and {@code ": "}
 * between items, everything outside printable ASCII as a lower-case {@code \\uXXXX}): the form
 * Open-SWE-Traces stores its tool definitions in, so a converted row holds the same string.
 * Numbers are written as Jackson writes them, which is Python's form for integers and plain decimals.
 */
final class PyJson {
  private static final ObjectWriter WRITER =
      Json.MAPPER.writer(new Separators()).with(new AsciiEscapes());

  private PyJson() {}

  static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static final class Separators extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }

  /** Python's {@code ensure_ascii}: Jackson's own {@code \\u} escapes are upper-case. */
  private static final class AsciiEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = asciiCodes();

    private static int[] asciiCodes() {
      int[] codes = standardAsciiEscapesForJSON();
      for (int c = 0; c < codes.length; c++) {
        if (codes[c] == ESCAPE_STANDARD) {
          codes[c] = ESCAPE_CUSTOM;
        }
      }
      codes[0x7f] = ESCAPE_CUSTOM;
      return codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return new SerializedString(String.format("\\u%04x", c));
    }
  }
}
