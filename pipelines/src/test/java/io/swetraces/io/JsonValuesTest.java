package io.swetraces.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;

public class JsonValuesTest {
  private static List<String> values(String text, long max) throws Exception {
    JsonValues values = new JsonValues(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    List<String> out = new ArrayList<>();
    while (values.next()) {
      out.add(values.kind() + " " + new String(values.value().bytes(), 0, values.value().length(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  public void everyTopLevelValueAndEveryElementOfATopLevelArray() throws Exception {
    assertEquals(List.of("OBJECT {\"a\": [1, {\"b\": \"]}\"}]}", "OBJECT {}", "OTHER 7", "OTHER \"s\\\"\"", "OTHER [1]",
            "OBJECT {\"c\":1}", "OTHER null"),
        values("\uFEFF [{\"a\": [1, {\"b\": \"]}\"}]}, {}]\n7 \"s\\\"\" [[1], {\"c\":1}]\nnull", 100));
    assertEquals(List.of("OBJECT {\"a\":1}", "OBJECT {\"a\":2}"), values("{\"a\":1}\n{\"a\":2}\n", 100));
    assertEquals(List.of(), values(" [ ] \n", 100));
  }

  @Test
  public void aValueOverTheLimitIsMeasuredNotKept() throws Exception {
    InputStream big = new SequenceInputStream(Collections.enumeration(List.of(
        new ByteArrayInputStream("[{\"t\": \"".getBytes(StandardCharsets.UTF_8)),
        new ByteArrayInputStream(new byte[50_000_000]), // NULs: inside a string, only counted
        new ByteArrayInputStream("\"}, {}]".getBytes(StandardCharsets.UTF_8)))));
    JsonValues values = new JsonValues(big, 1_000);
    assertTrue(values.next());
    assertEquals(50_000_009, values.value().fullLength());
    assertTrue(values.value().length() <= RowBytes.EXCERPT);
    assertTrue(values.next());
    assertEquals(2, values.value().fullLength());
    assertFalse(values.next());
  }

  @Test
  public void truncatedOrStrayTextIsMalformed() throws Exception {
    JsonValues cut = new JsonValues(new ByteArrayInputStream("[{\"a\": \"b".getBytes(StandardCharsets.UTF_8)), 100);
    assertThrows(JsonValues.MalformedException.class, cut::next);
    JsonValues stray = new JsonValues(new ByteArrayInputStream("{} }".getBytes(StandardCharsets.UTF_8)), 100);
    assertTrue(stray.next());
    assertThrows(JsonValues.MalformedException.class, stray::next);
  }
}
