package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the bundled jar with {@code java -jar} alone, as a user does, and reads what it wrote. */
final class BundledJar {
  static final Path JAR = FlinkCluster.ROOT.resolve("runners/bundled/target/swe-traces-bundled.jar");

  private BundledJar() {}

  /** Runs to completion in {@code dir/name}, with extra environment variables; fails on a non-zero exit. */
  static RunOutput run(Path dir, String name, Map<String, String> env, String... args) throws Exception {
    Path out = dir.resolve(name);
    Path log = dir.resolve(name + ".out");
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "--output=" + out));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    assertTrue(name + " run did not end in time", p.waitFor(5, TimeUnit.MINUTES));
    String console = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(console, 0, p.exitValue());
    assertTrue(console, console.contains("Outputs written under " + out));
    return RunOutput.read(out);
  }
}
