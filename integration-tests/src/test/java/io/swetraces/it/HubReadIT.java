package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.swetraces.hub.FakeHub;
import io.swetraces.hub.HubFixtures;
import io.swetraces.hub.PublishedHub;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code HF_ENDPOINT=http://127.0.0.1:PORT java -jar swe-traces-bundled.jar --input=hf://...} on the
 * DirectRunner and on embedded Flink: the shaded jar finds the hf:// file system, the workers read
 * Parquet shards from a fake Hub by ranges, and the output is what reading the same files locally
 * gives.
 */
public class HubReadIT {
  private static final String REPO = HubFixtures.REPO;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Rule public final PublishedHub published = new PublishedHub();

  private FakeHub hub;
  private Path tree;
  private String sha;

  @Before
  public void useHub() {
    hub = published.hub();
    tree = published.tree();
    sha = published.sha();
  }

  private RunOutput fromHub(String name, String... args) throws Exception {
    RunOutput out = BundledJar.run(tmp.getRoot().toPath(), name, Map.of("HF_ENDPOINT", hub.endpoint()), args);
    return out.sourcesRelativeTo("hf://datasets/" + REPO + "@" + sha + "/");
  }

  @Test
  public void hubInputsGiveTheLocalOutputOnTheDirectRunnerAndEmbeddedFlink() throws Exception {
    RunOutput local = BundledJar.run(tmp.getRoot().toPath(), "local", Map.of(), "--runner=DirectRunner",
        "--input=" + tree + "/data/**/*.parquet").sourcesRelativeTo(tree + "/");
    assertEquals(43, local.analysed());
    String input = "--input=hf://datasets/" + REPO + "/data/**/*.parquet";
    RunOutput.assertSameOutput("hf:// on the DirectRunner vs local files", local, fromHub("direct", "--runner=DirectRunner", input));
    RunOutput.assertSameOutput("hf:// on embedded Flink vs local files", local, fromHub("flink", "--runner=FlinkRunner", input));
  }

  @Test
  public void aSampledDatasetIsTheSameOnBothRunnersAndSkipsUnneededShards() throws Exception {
    String[] args = {"--dataset=" + REPO, "--configs=openhands,sweagent", "--splits=model_a,model_b", "--limitPerCombo=4"};
    RunOutput direct = fromHub("sampled-direct", with("--runner=DirectRunner", args));
    assertEquals(8, direct.analysed());
    assertEquals("the second model_a shard is never fetched", 0, hub.bytesServed(HubFixtures.FILES.get(1)));
    hub.resetCounts();
    RunOutput.assertSameOutput("sampled dataset, embedded Flink vs DirectRunner", direct,
        fromHub("sampled-flink", with("--runner=FlinkRunner", args)));
    assertEquals(0, hub.bytesServed(HubFixtures.FILES.get(1)));
    assertTrue(hub.bytesServed(HubFixtures.FILES.get(0)) > 0);
  }

  private static String[] with(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
