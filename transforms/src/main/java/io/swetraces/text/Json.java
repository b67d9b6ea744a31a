package io.swetraces.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The one shared Jackson mapper, configured for trajectories and for what Python's json accepts. */
public final class Json {
  /**
   * The deepest nesting read as JSON. Deeper text (tool arguments a model wrote, say) is not JSON
   * here and stays a string: a tree that deep would overflow the stack of anything walking it
   * recursively, writing it back included. Real rows nest about 10 deep.
   */
  public static final int MAX_NESTING = 1_000;

  /**
   * Jackson 2.15 caps a JSON string at 20M characters by default; tool outputs and whole rows stored
   * as strings go far beyond that (apache/beam#31580).
   */
  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(10_000)
          .maxNestingDepth(MAX_NESTING)
          .build();

  public static final ObjectMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
          // Python's json.loads reads NaN and Infinity, so rows written by Python may hold them.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          // ... and refuses anything after the value ("Extra data"): two rows on a line are not one.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .nodeFactory(new Nodes())
          .build();

  private Json() {}

  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Parses JSON text this program wrote itself, so it is known to be an object. */
  public static ObjectNode parseObject(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("not a JSON object: " + text, e);
    }
  }

  /** Builds string values with {@link LoneSurrogates} replaced, as every reader of a row needs them. */
  private static final class Nodes extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    Nodes() {
      super(false);
    }

    @Override
    public TextNode textNode(String text) {
      return super.textNode(text == null ? null : LoneSurrogates.replace(text));
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
