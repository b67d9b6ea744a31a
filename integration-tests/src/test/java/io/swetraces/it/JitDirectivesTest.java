package io.swetraces.it;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.Test;

/**
 * The launcher's compiler directives name classes by pattern, so a renamed package or class would
 * silently lose its optimizing compiler. Every pattern must match a class of the bundled jar or of
 * the JDK.
 */
public class JitDirectivesTest {
  private static final Path DIRECTIVES = FlinkCluster.ROOT.resolve("runners/bundled/jit-directives.json");

  @Test
  public void everyPatternMatchesAClass() throws IOException {
    JsonNode directives = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
        .build()
        .readTree(DIRECTIVES.toFile());
    List<String> classes = classes();
    int checked = 0;
    for (JsonNode directive : directives) {
      for (JsonNode match : directive.path("match").isArray() ? directive.path("match") : List.of(directive.path("match"))) {
        String pattern = match.asText();
        if (pattern.equals("*.*")) {
          continue;
        }
        // "package/Class*.method": the class part, with * as any characters.
        String type = pattern.substring(0, pattern.lastIndexOf('.'));
        Pattern regex = Pattern.compile(Pattern.quote(type).replace("*", "\\E.*\\Q"));
        assertTrue(pattern + " matches no class", classes.stream().anyMatch(c -> regex.matcher(c).matches()));
        checked++;
      }
    }
    assertTrue("patterns checked: " + checked, checked > 5);
  }

  /** Class names as directives write them (slashes), of the bundled jar and of the JDK's base module. */
  private static List<String> classes() throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile jar = new ZipFile(BundledJar.JAR.toFile())) {
      jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
          .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
    }
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Path base = jrt.getPath("/modules/java.base");
    try (Stream<Path> files = Files.walk(base)) {
      files.map(p -> base.relativize(p).toString()).filter(n -> n.endsWith(".class"))
          .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
    }
    return names;
  }
}
