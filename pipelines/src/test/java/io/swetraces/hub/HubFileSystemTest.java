package io.swetraces.hub;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.swetraces.hub.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** hf:// against a fake Hub: listing, globbing, revisions, reading by ranges, auth, errors, retries. */
public class HubFileSystemTest {
  private static final String REPO = HubFixtures.REPO;
  private static final String BASE = "hf://datasets/" + REPO;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Rule public final PublishedHub published = new PublishedHub();

  private FakeHub hub;
  private Path tree;

  @Before
  public void useHub() throws IOException {
    hub = published.hub();
    tree = published.tree();
    use(null);
  }

  /** Registers hf:// with fast retries and a 1 s stall timeout, and this token (or none). */
  private HubOptions use(String token) throws IOException {
    List<String> args = new ArrayList<>(List.of("--hfEndpoint=" + hub.endpoint(), "--hfMaxAttempts=4",
        "--hfTimeoutSeconds=1", "--hfBackoffMillis=10"));
    if (token != null) {
      Path file = tmp.getRoot().toPath().resolve("token-" + token);
      Files.writeString(file, token + "\n");
      args.add("--hfTokenFile=" + file);
    }
    HubOptions options = PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(HubOptions.class);
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }

  private static List<String> matched(String spec) throws IOException {
    MatchResult m = FileSystems.match(spec, EmptyMatchTreatment.ALLOW);
    List<String> paths = new ArrayList<>();
    for (MatchResult.Metadata md : m.metadata()) {
      paths.add(md.resourceId().toString());
    }
    return paths;
  }

  private static byte[] readAll(String spec) throws IOException {
    MatchResult.Metadata file = FileSystems.matchSingleFileSpec(spec);
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      return in.readAllBytes();
    }
  }

  private List<FakeHub.Request> requestsTo(String pathPart) {
    return hub.requests().stream().filter(r -> r.path().contains(pathPart)).toList();
  }

  @Test
  public void globsListTheTreeAcrossPagesOnlyAsDeepAsNeeded() throws IOException {
    hub.pageSize(2);
    assertEquals(HubFixtures.FILES.stream().map(f -> BASE + "/" + f).toList(), matched(BASE + "/data/**/*.parquet"));
    assertEquals("3 files and 5 folders in pages of 2", 4, hub.requests().size());

    assertEquals(List.of(BASE + "/" + HubFixtures.FILES.get(2)), matched(BASE + "/data/sweagent/model_b/**/*.parquet"));
    assertEquals(List.of(BASE + "/" + HubFixtures.FILES.get(0)), matched(BASE + "/data/*/model_a/train-0000[0]-*.parquet"));
    assertEquals(2, matched(BASE + "/data/openhands/model_a/train-{00000,00001}-of-00002.parquet").size());

    hub.resetCounts();
    assertEquals(2, matched(BASE + "/data/openhands/model_a/*.parquet").size());
    assertEquals("one folder listed, not the repository: " + hub.requests(), 1, hub.requests().size());
    assertTrue(hub.requests().get(0).path().contains("/tree/main/data/openhands/model_a?recursive=false"));
    assertEquals("folder listing was flat", List.of(), requestsTo("recursive=true"));

    assertEquals(List.of(BASE + "/README.md"), matched(BASE + "/README.md"));
    assertEquals(List.of(), matched(BASE + "/data/nothing-*.parquet"));
    assertEquals(MatchResult.Status.NOT_FOUND,
        FileSystems.match(List.of(BASE + "/missing/x.parquet")).get(0).status());
  }

  @Test
  public void matchedSizesAndBytesAreTheFiles() throws IOException {
    for (String f : HubFixtures.FILES) {
      MatchResult.Metadata m = FileSystems.matchSingleFileSpec(BASE + "/" + f);
      assertEquals(f, Files.size(tree.resolve(f)), m.sizeBytes());
      assertArrayEquals(f, Files.readAllBytes(tree.resolve(f)), readAll(BASE + "/" + f));
    }
    assertArrayEquals(Files.readAllBytes(tree.resolve("README.md")), readAll(BASE + "/README.md"));
  }

  @Test
  public void seeksReadOnlyTheRangesAsked() throws IOException {
    String f = HubFixtures.FILES.get(0);
    byte[] local = Files.readAllBytes(tree.resolve(f));
    MatchResult.Metadata m = FileSystems.matchSingleFileSpec(BASE + "/" + f);
    hub.resetCounts();
    try (SeekableByteChannel ch = (SeekableByteChannel) FileSystems.open(m.resourceId())) {
      ByteBuffer tail = ByteBuffer.allocate(8);
      ch.position(local.length - 8).read(tail);
      assertArrayEquals(Arrays.copyOfRange(local, local.length - 8, local.length), tail.array());
      ByteBuffer middle = ByteBuffer.allocate(100);
      ch.position(1000).read(middle);
      assertArrayEquals(Arrays.copyOfRange(local, 1000, 1100), middle.array());
      assertEquals(local.length, ch.size());
    }
    assertEquals(8 + HubReadChannel.MIN_RANGE, hub.bytesServed(f));
    assertTrue("every range request names its bytes",
        requestsTo("/cdn/").stream().allMatch(r -> r.range() != null && r.range().matches("bytes=\\d+-\\d+")));
  }

  @Test
  public void revisionsAreBranchesTagsOrCommitsAndPinToCommits() throws IOException {
    Path v2 = tmp.newFolder("v2").toPath();
    Files.createDirectories(v2.resolve("data/openhands/model_a"));
    Files.copy(tree.resolve(HubFixtures.FILES.get(1)), v2.resolve(HubFixtures.FILES.get(1)));
    FakeHub.Repo repo = hub.dataset(REPO);
    String v1 = repo.sha("main");
    repo.commit("refs/convert/parquet", tree);
    repo.commit("main", v2);

    assertEquals(1, matched(BASE + "/data/**/*.parquet").size());
    assertEquals(3, matched(BASE + "@" + v1 + "/data/**/*.parquet").size());
    assertEquals(3, matched(BASE + "@refs%2Fconvert%2Fparquet/data/**/*.parquet").size());
    assertEquals(BASE + "@refs%2Fconvert%2Fparquet/README.md", matched(BASE + "@refs%2Fconvert%2Fparquet/README.md").get(0));

    HubOptions options = use(null);
    assertEquals(BASE + "@" + repo.sha("main") + "/data/**/*.parquet", Hub.pin(BASE + "/data/**/*.parquet", options));
    HubException missing = assertThrows(HubException.class, () -> Hub.pin(BASE + "@v9/data/*.parquet", options));
    assertEquals("revision v9 not found in dataset " + REPO + " (Hub: Invalid rev id: v9)", missing.getMessage());
    HubException noRepo = assertThrows(HubException.class, () -> Hub.pin("hf://datasets/acme/nope/x.parquet", options));
    assertTrue(noRepo.getMessage(), noRepo.getMessage().startsWith("dataset acme/nope not found on " + hub.endpoint()));
    HubException noFile = assertThrows(HubException.class, () -> Hub.pin(BASE + "/data/*.jsonl", options));
    assertEquals("no file matches " + BASE + "/data/*.jsonl", noFile.getMessage());
  }

  @Test
  public void theTokenGoesToTheEndpointOnlyAndNeverIntoMessages() throws IOException {
    use("hf_secret_token");
    readAll(BASE + "/" + HubFixtures.FILES.get(0));
    readAll(BASE + "/README.md");
    List<FakeHub.Request> toHub = hub.requests().stream().filter(r -> r.host().equals("127.0.0.1")).toList();
    List<FakeHub.Request> toStorage = hub.requests().stream().filter(r -> r.host().equals("localhost")).toList();
    assertFalse(toHub.isEmpty());
    assertFalse(toStorage.isEmpty());
    assertTrue("the endpoint gets the token", toHub.stream().allMatch(FakeHub.Request::authorized));
    assertTrue("the storage it redirects to never does", toStorage.stream().noneMatch(FakeHub.Request::authorized));
    assertEquals("ranges after the first go straight to storage", 1,
        requestsTo("/resolve/").stream().filter(r -> r.path().contains(HubFixtures.FILES.get(0))).count());
  }

  @Test
  public void gatedDatasetsSayWhatToDo() throws IOException {
    hub.dataset(REPO).gated("hf_granted");
    String spec = BASE + "/data/**/*.parquet";
    HubException anonymous = assertThrows(HubException.class, () -> Hub.pin(spec, use(null)));
    assertTrue(anonymous.getMessage(), anonymous.getMessage().startsWith("dataset " + REPO + " is gated: accept its"
        + " conditions at " + hub.endpoint() + "/datasets/" + REPO + " while logged in, then set HF_TOKEN"));
    assertEquals(401, anonymous.status);
    HubException refused = assertThrows(HubException.class, () -> Hub.pin(spec, use("hf_other")));
    assertTrue(refused.getMessage(), refused.getMessage().contains("this token's account has no access yet"));
    assertFalse(refused.getMessage().contains("hf_other"));
    assertEquals(403, refused.status);
    assertTrue(Hub.pin(spec, use("hf_granted")).startsWith(BASE + "@"));
    assertEquals(3, matched(spec).size());
  }

  @Test
  public void rateLimitsWaitForRetryAfter() throws IOException {
    String f = HubFixtures.FILES.get(0);
    hub.fail("/resolve/", FakeHub.Fault.RATE_LIMITED, 1);
    long start = System.nanoTime();
    assertArrayEquals(Files.readAllBytes(tree.resolve(f)), readAll(BASE + "/" + f));
    assertTrue("waited Retry-After: 1", System.nanoTime() - start >= 1_000_000_000L);
  }

  @Test
  public void serverErrorsDroppedAndStalledConnectionsAreRetried() throws IOException {
    hub.stallFor(2_500);
    String f = HubFixtures.FILES.get(2);
    byte[] local = Files.readAllBytes(tree.resolve(f));
    hub.fail("/tree/", FakeHub.Fault.SERVER_ERROR, 2).fail("/tree/", FakeHub.Fault.DROPPED, 1);
    hub.fail("/cdn/", FakeHub.Fault.DROPPED, 2).fail("/cdn/", FakeHub.Fault.STALLED, 1)
        .fail("/cdn/", FakeHub.Fault.SERVER_ERROR, 1);
    assertArrayEquals(local, readAll(BASE + "/" + f));
    assertEquals("every fault was met", 0, hub.pendingFaults());
  }

  @Test
  public void persistentFailuresGiveUpWithTheLastError() throws IOException {
    hub.fail("/tree/", FakeHub.Fault.SERVER_ERROR, 4);
    MatchResult m = FileSystems.match(List.of(BASE + "/data/**/*.parquet")).get(0);
    assertEquals(MatchResult.Status.ERROR, m.status());
    IOException e = assertThrows(IOException.class, m::metadata);
    assertTrue(e.getMessage(), e instanceof SourceUnavailableException
        && e.getMessage().equals(BASE + "/data: gave up after 4 attempts; last: " + BASE + "/data: HTTP 500"));

    String f = HubFixtures.FILES.get(1);
    MatchResult.Metadata file = FileSystems.matchSingleFileSpec(BASE + "/" + f);
    hub.fail("/cdn/", FakeHub.Fault.SERVER_ERROR, 4);
    SourceUnavailableException read = assertThrows(SourceUnavailableException.class, () -> {
      try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
        in.readAllBytes();
      }
    });
    assertTrue(read.getMessage(), read.getMessage().contains(": gave up after 4 attempts; last: "));
  }

  @Test
  public void datasetsResolveConfigsAndSplitsToTaggedShards() throws IOException {
    HubOptions options = use(null);
    String sha = hub.dataset(REPO).sha("main");
    assertEquals(List.of(
            new Hub.DataFiles(BASE + "@" + sha + "/data/openhands/model_a/*.parquet", "openhands", "model_a"),
            new Hub.DataFiles(BASE + "@" + sha + "/data/sweagent/model_b/**/*.parquet", "sweagent", "model_b")),
        Hub.dataset(REPO, List.of("openhands", "sweagent"), List.of("model_a", "model_b"), options));
    assertEquals(Hub.dataset(REPO, List.of(), List.of(), options),
        Hub.dataset(REPO, List.of("openhands", "sweagent"), List.of(), options));
    assertEquals(1, Hub.dataset(REPO, List.of(), List.of("model_b"), options).size());
    IllegalArgumentException config = assertThrows(IllegalArgumentException.class,
        () -> Hub.dataset(REPO, List.of("minisweagent"), List.of(), options));
    assertEquals("--configs: dataset " + REPO + " has no config 'minisweagent'; it has openhands, sweagent",
        config.getMessage());
    IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
        () -> Hub.dataset(REPO, List.of("openhands"), List.of("model_b"), options));
    assertEquals("--splits: no config of " + REPO + " chosen here has a split 'model_b'; they have model_a",
        split.getMessage());
  }
}
