package io.swetraces.dataflow;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The template's jar, run as the Flex Template launcher runs it, takes the graph through the
 * DataflowRunner's translation offline: every function and coder is serialized as for remote
 * workers, and the job is written to a local template file instead of being submitted. Anything
 * that cannot travel to a worker, or is missing from the jar, fails here rather than in a user's
 * project.
 */
public class OfflineDataflowBuildIT {
  private static final Path JAR = Path.of("target", "swe-traces-dataflow.jar").toAbsolutePath();
  private static final Path SAMPLE = Path.of("..", "..", "src", "sample", "oswt-sample.jsonl").toAbsolutePath();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void translatesTheGraphForDataflowWithoutNetwork() throws Exception {
    Path root = tmp.getRoot().toPath();
    Path staging = Files.createDirectories(root.resolve("staging"));
    // Staging uploads the classpath; one tiny file keeps this quick (the real jar is 200+ MB).
    Path stageable = Files.write(root.resolve("stageable.jar"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0});
    Path job = root.resolve("job.json");
    Path log = root.resolve("launcher.out");

    Process launcher = new ProcessBuilder(List.of("java", "-jar", JAR.toString(),
            "--input=" + SAMPLE, "--output=" + root.resolve("out"),
            "--project=swe-traces-offline", "--region=us-central1",
            "--tempLocation=" + staging, "--gcpTempLocation=" + staging, "--stagingLocation=" + staging,
            "--filesToStage=" + stageable, "--templateLocation=" + job,
            "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertEquals("launcher did not return in time", true, launcher.waitFor(5, TimeUnit.MINUTES));
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(output, 0, launcher.exitValue());
    assertThat(output, containsString("swe-traces: job written to --templateLocation, not submitted"));

    JsonNode spec = Json.MAPPER.readTree(job.toFile());
    assertFalse("the job has steps", spec.path("steps").isEmpty());
    String text = spec.toString();
    assertThat("functions are shipped serialized", text, containsString("serialized_fn"));
    for (String step : List.of("Read/MatchFiles", "Read/ReadFiles/ReadLanes", "Analyse/ExtractTools",
        "Analyse/ParsePatch", "Analyse/CountTokens", "Curate/FilterSft", "Tabulate", "Write/WriteAnalysisCsv",
        "Write/WriteAnalysisParquet", "Write/WriteSft", "Write/WriteRejects", "Summarise/WriteReport",
        "Summarise/WriteSummary")) {
      assertThat(text, containsString(step));
    }
  }
}
