package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone Flink session cluster started, used and stopped through {@code
 * runners/flink/flink-cluster}, exactly as a user runs it, on free ports and in its own folder.
 */
final class FlinkCluster implements AutoCloseable {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = ROOT.resolve("runners/flink/flink-cluster");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path dir;
  private final Map<String, String> env;
  private final int restPort;
  private final List<Long> pids = new ArrayList<>();

  private FlinkCluster(Path dir, int restPort, int rpcPort) {
    this.dir = dir;
    this.restPort = restPort;
    this.env = Map.of("FLINK_CLUSTER_DIR", dir.toString(), "FLINK_REST_PORT", String.valueOf(restPort),
        "FLINK_RPC_PORT", String.valueOf(rpcPort));
  }

  /** Starts a JobManager and {@code taskManagers} TaskManagers; returns once all have registered. */
  static FlinkCluster start(Path dir, int taskManagers) throws IOException, InterruptedException {
    FlinkCluster cluster = new FlinkCluster(dir, freePort(), freePort());
    cluster.script(Duration.ofMinutes(4), "start", String.valueOf(taskManagers));
    try (Stream<Path> files = Files.list(dir.resolve("pids"))) {
      for (Path f : files.toList()) {
        cluster.pids.add(Long.parseLong(Files.readString(f).trim()));
      }
    }
    assertEquals("JobManager and TaskManager processes", taskManagers + 1, cluster.pids.size());
    return cluster;
  }

  /** Submits the bundled jar with these pipeline arguments the {@code flink run} way; does not wait. */
  Process submit(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("submit"));
    command.addAll(List.of(args));
    return launch(dir.resolve(name + ".out"), command);
  }

  /** Waits for a submission and fails with its console output unless it succeeded. */
  void awaitSuccess(String name, Process submission, Duration timeout) throws InterruptedException {
    await(name, submission, dir.resolve(name + ".out"), timeout);
  }

  /** The process id of one of the cluster's processes ("jobmanager", "taskmanager-1", ...). */
  long pid(String process) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("pids").resolve(process + ".pid")).trim());
  }

  /** A GET on the JobManager's REST API. */
  JsonNode rest(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
        .timeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(path + ": " + response.body(), 200, response.statusCode());
    return Json.MAPPER.readTree(response.body());
  }

  /** Stops the cluster through the script and checks that none of its processes is left. */
  @Override
  public void close() throws IOException, InterruptedException {
    script(Duration.ofMinutes(2), "stop");
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
      assertFalse("cluster process " + pid + " is still running", ProcessHandle.of(pid).map(ProcessHandle::isAlive)
          .orElse(false));
    }
  }

  private void script(Duration timeout, String... args) throws IOException, InterruptedException {
    Files.createDirectories(dir.getParent());
    Path log = dir.resolveSibling(dir.getFileName() + "-flink-cluster-" + args[0] + ".out");
    await(String.join(" ", args), launch(log, List.of(args)), log, timeout);
  }

  /** Runs the script with these arguments in this cluster's environment, its output into {@code log}. */
  private Process launch(Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  private static void await(String what, Process p, Path log, Duration timeout) throws InterruptedException {
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(what + " did not end within " + timeout + ":\n" + tail(log));
    }
    assertEquals(what + " failed:\n" + tail(log), 0, p.exitValue());
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
