package io.swetraces.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.Test;

public class JsonTest {
  @Test
  public void loneSurrogatesAreReadAsReplacementCharacters() throws Exception {
    assertEquals("\uFFFD alone", Json.parse("{\"a\": \"\\ud800 alone\"}").get("a").textValue());
    assertEquals("😀", Json.parse("[\"\\ud83d\\ude00\"]").get(0).textValue());
  }

  @Test
  public void valuesNestedPastTheLimitAreNotJson() throws Exception {
    int ok = Json.MAX_NESTING;
    assertEquals(1, Json.parse("[".repeat(ok) + "]".repeat(ok)).size());
    int deep = Json.MAX_NESTING + 1;
    assertThrows(JsonProcessingException.class, () -> Json.parse("[".repeat(deep) + "]".repeat(deep)));
    assertThrows(JsonProcessingException.class, () -> Json.parse("[".repeat(10_000) + "]".repeat(10_000)));
  }

  @Test
  public void contentAfterTheValueIsAnError() {
    // As Python's json.loads: "Extra data".
    assertThrows(JsonProcessingException.class, () -> Json.parse("{\"a\": 1}{\"b\": 2}"));
    assertThrows(JsonProcessingException.class, () -> Json.parse("{\"a\": 1} x"));
  }
}
