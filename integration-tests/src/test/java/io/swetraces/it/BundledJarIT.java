package io.swetraces.it;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The bundled jar holds both runners and runs with {@code java -jar} alone: no JVM flags, the
 * Java 17 opens Flink needs come from its manifest.
 */
public class BundledJarIT {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private RunOutput runJar(String runner) throws Exception {
    return BundledJar.run(tmp.getRoot().toPath(), runner, Map.of(), "--runner=" + runner,
        "--input=" + TestInputs.SAMPLE.resolve("oswt-sample.jsonl"));
  }

  @Test
  public void runsOnTheDirectRunnerAndOnEmbeddedFlink() throws Exception {
    RunOutput direct = runJar("DirectRunner");
    assertEquals(17, direct.analysed());
    RunOutput.assertSameOutput("java -jar, FlinkRunner vs DirectRunner", direct, runJar("FlinkRunner"));
  }
}
