package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The bundled jar holds both runners and runs with {@code java -jar} alone: no JVM flags, the
 * Java 17 opens Flink needs come from its manifest.
 */
public class BundledJarIT {
  private static final Path JAR = FlinkCluster.ROOT.resolve("runners/bundled/target/swe-traces-bundled.jar");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private RunOutput runJar(String runner) throws Exception {
    Path out = tmp.getRoot().toPath().resolve(runner);
    Path log = tmp.getRoot().toPath().resolve(runner + ".out");
    Process p = new ProcessBuilder(List.of("java", "-jar", JAR.toString(), "--runner=" + runner,
            "--input=" + TestInputs.SAMPLE.resolve("oswt-sample.jsonl"), "--output=" + out))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(runner + " run did not end in time", p.waitFor(5, TimeUnit.MINUTES));
    String console = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(console, 0, p.exitValue());
    assertTrue(console, console.contains("Outputs written under " + out));
    return RunOutput.read(out);
  }

  @Test
  public void runsOnTheDirectRunnerAndOnEmbeddedFlink() throws Exception {
    RunOutput direct = runJar("DirectRunner");
    assertEquals(17, direct.analysed());
    RunOutput.assertSameOutput("java -jar, FlinkRunner vs DirectRunner", direct, runJar("FlinkRunner"));
  }
}
