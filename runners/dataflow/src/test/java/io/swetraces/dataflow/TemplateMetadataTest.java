package io.swetraces.dataflow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import io.swetraces.pipeline.SweTracesOptions;
import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;
import org.junit.Test;

/**
 * {@code metadata.json} describes exactly the pipeline's own options, those of every options
 * interface the job is made of: the same names, the help text of their {@code @Description},
 * required where the pipeline requires them, and value patterns that match their types. The build
 * fails when the two drift apart.
 */
public class TemplateMetadataTest {
  private static final Path METADATA = Path.of("metadata.json");

  private static Map<String, Method> options() {
    Map<String, Method> getters = new TreeMap<>();
    collect(SweTracesOptions.class, getters);
    return getters;
  }

  /** The getters of an options interface and of every project interface it extends. */
  private static void collect(Class<?> options, Map<String, Method> getters) {
    if (!options.getPackageName().startsWith("io.swetraces")) {
      return;
    }
    for (Method m : options.getDeclaredMethods()) {
      if (m.getName().startsWith("get") && m.getParameterCount() == 0) {
        getters.put(Introspector.decapitalize(m.getName().substring(3)), m);
      }
    }
    for (Class<?> parent : options.getInterfaces()) {
      collect(parent, getters);
    }
  }

  private static Map<String, JsonNode> parameters() throws IOException {
    JsonNode metadata = Json.MAPPER.readTree(METADATA.toFile());
    assertFalse("template name", metadata.path("name").asText().isBlank());
    assertFalse("template description", metadata.path("description").asText().isBlank());
    Map<String, JsonNode> byName = new TreeMap<>();
    for (JsonNode p : metadata.path("parameters")) {
      assertTrue("duplicate parameter " + p.path("name"), byName.put(p.path("name").asText(), p) == null);
    }
    return byName;
  }

  /** The pattern a value of this type must match, or null for free text. */
  private static String regexFor(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "^(true|false)$";
    }
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|", "^(", ")$"));
    }
    return null;
  }

  @Test
  public void everyOptionIsAParameterAndNothingElse() throws IOException {
    assertEquals(options().keySet(), parameters().keySet());
  }

  @Test
  public void parametersMatchTheirOptions() throws IOException {
    Map<String, JsonNode> parameters = parameters();
    for (Map.Entry<String, Method> option : options().entrySet()) {
      String name = option.getKey();
      Method getter = option.getValue();
      JsonNode p = parameters.get(name);
      assertFalse(name + ": label", p.path("label").asText().isBlank());
      assertEquals(name + ": helpText is the option's @Description",
          getter.getAnnotation(Description.class).value(), p.path("helpText").asText());
      boolean required = getter.isAnnotationPresent(Validation.Required.class)
          || FlexTemplateMain.REQUIRED_ON_DATAFLOW.contains(name);
      assertEquals(name + ": isOptional", !required, p.path("isOptional").asBoolean(false));
      String regex = regexFor(getter.getReturnType());
      if (regex != null) {
        assertEquals(name + ": regexes", List.of(regex),
            Json.MAPPER.convertValue(p.path("regexes"), List.class));
      }
      Class<?> type = getter.getReturnType();
      if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
        String pattern = p.path("regexes").path(0).asText();
        assertTrue(name + ": takes whole numbers", "12".matches(pattern));
        assertFalse(name + ": refuses fractions", "1.5".matches(pattern));
        assertFalse(name + ": refuses words", "all".matches(pattern));
      }
    }
  }
}
