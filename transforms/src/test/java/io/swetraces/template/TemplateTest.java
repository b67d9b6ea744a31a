package io.swetraces.template;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import io.swetraces.text.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The engine renders each case of {@code template-cases.json} as Python's jinja2 does under
 * transformers' settings ({@code template-cases.python.json}, made by
 * {@code src/test/goldens/make_template_goldens.py}), and raises where it raises.
 */
public class TemplateTest {
  private static <T> T resource(String name, TypeReference<T> type) throws Exception {
    try (InputStream in = TemplateTest.class.getResourceAsStream(name)) {
      return Json.MAPPER.readValue(in, type);
    }
  }

  @Test
  public void everyCaseRendersAsJinja2RendersIt() throws Exception {
    List<Map<String, Object>> cases = resource("template-cases.json", new TypeReference<>() {});
    List<Map<String, Object>> goldens = resource("template-cases.python.json", new TypeReference<>() {});
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Object> c = cases.get(i);
      Map<String, Object> golden = goldens.get(i);
      assertEquals(c.get("name"), golden.get("name"));
      @SuppressWarnings("unchecked")
      Map<String, Object> context = (Map<String, Object>) c.get("context");
      String got;
      try {
        got = "output:" + Template.parse((String) c.get("template")).render(context);
      } catch (TemplateException e) {
        got = "error";
      }
      String expected = golden.containsKey("output") ? "output:" + golden.get("output") : "error";
      if (!expected.equals(got)) {
        wrong.add(c.get("name") + "\n  expected " + expected + "\n  got      " + got);
      }
    }
    assertEquals(String.join("\n", wrong), 0, wrong.size());
  }

  @Test
  public void aSyntaxErrorIsFoundWhenParsing() {
    assertThrows(TemplateException.class, () -> Template.parse("{% if x %}open"));
    assertThrows(TemplateException.class, () -> Template.parse("{{ x + }}"));
    assertThrows(TemplateException.class, () -> Template.parse("{% frobnicate %}"));
  }
}
