package io.swetraces.it;

import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium, driven through the DevTools protocol over the JDK's own WebSocket
 * client: it records every console message, exception and network request of the page.
 */
final class Chromium implements AutoCloseable {
  private static final Path BINARY = Path.of(System.getProperty("swetraces.chromium", "/usr/bin/chromium"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  /** Every protocol event received, in order. */
  final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private Chromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Installs Chromium from Debian's packages when it is missing and this user may; else skips. */
  static void ensureInstalled() throws IOException, InterruptedException {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    String root = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim();
    boolean sudo = !root.equals("0")
        && new ProcessBuilder("bash", "-c", "command -v sudo >/dev/null && sudo -n true").start().waitFor() == 0;
    assumeTrue("Chromium is not at " + BINARY + " and cannot be installed here (not root, no sudo, or no "
        + "apt-get): install Debian's chromium package, or point -Dswetraces.chromium at a Chromium binary",
        Files.isExecutable(Path.of("/usr/bin/apt-get")) && (root.equals("0") || sudo));
    String prefix = root.equals("0") ? "" : "sudo -n ";
    Process install = new ProcessBuilder("bash", "-c", prefix + "apt-get update -qq && DEBIAN_FRONTEND=noninteractive "
        + prefix + "apt-get install -y -qq --no-install-recommends chromium")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assumeTrue("installing Debian's chromium package took over 15 minutes", install.waitFor(15, TimeUnit.MINUTES));
    assumeTrue("apt-get could not install Debian's chromium package (exit " + install.exitValue() + ")",
        install.exitValue() == 0 && Files.isExecutable(BINARY));
  }

  /** Starts a headless Chromium with a fresh profile and attaches to its page. */
  static Chromium start(Path profile) throws Exception {
    ensureInstalled();
    Files.createDirectories(profile);
    Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1500,1000", "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    Instant deadline = Instant.now().plusSeconds(60);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (Instant.now().isAfter(deadline) || !process.isAlive()) {
        process.destroyForcibly();
        throw new AssertionError("Chromium did not start: see " + profile.resolveSibling("chromium.log"));
      }
      Thread.sleep(100);
    }
    String port = Files.readAllLines(portFile).get(0).trim();
    HttpResponse<String> targets = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString());
    String page = null;
    for (JsonNode t : Json.MAPPER.readTree(targets.body())) {
      if (t.path("type").asText().equals("page")) {
        page = t.path("webSocketDebuggerUrl").asText();
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new AssertionError("Chromium shows no page: " + targets.body());
    }
    Chromium[] self = new Chromium[1];
    StringBuilder partial = new StringBuilder();
    WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          self[0].receive(partial.toString());
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }
    }).get(30, TimeUnit.SECONDS);
    self[0] = new Chromium(process, socket);
    for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
      self[0].call(domain + ".enable", Json.MAPPER.createObjectNode());
    }
    return self[0];
  }

  private void receive(String text) {
    try {
      JsonNode message = Json.MAPPER.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
        if (f != null) {
          f.complete(message);
        }
      } else {
        events.add(message);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One protocol command; returns its result, or fails with the browser's error. */
  JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(Json.MAPPER.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode r = reply.get(60, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new AssertionError(method + ": " + r.get("error"));
    }
    return r.path("result");
  }

  /** Opens a URL and waits until the page has loaded. */
  void open(String url) throws Exception {
    int before = events.size();
    call("Page.navigate", Json.MAPPER.createObjectNode().put("url", url));
    Instant deadline = Instant.now().plusSeconds(60);
    while (events.subList(before, events.size()).stream()
        .noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the page did not load: " + url);
      }
      Thread.sleep(50);
    }
  }

  /** Evaluates a JavaScript expression in the page and returns its JSON value. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate",
        Json.MAPPER.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new AssertionError("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Sizes the window as a screen of this many CSS pixels. */
  void viewport(int width, int height) throws Exception {
    call("Emulation.setDeviceMetricsOverride", Json.MAPPER.createObjectNode().put("width", width)
        .put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
  }

  /** A PNG of the whole page, at the page's full height. */
  byte[] screenshot() throws Exception {
    call("Emulation.setDeviceMetricsOverride", Json.MAPPER.createObjectNode().put("width", 1500)
        .put("height", 1000).put("deviceScaleFactor", 1).put("mobile", false));
    int height = evaluate("document.documentElement.scrollHeight").asInt();
    call("Emulation.setDeviceMetricsOverride", Json.MAPPER.createObjectNode().put("width", 1500)
        .put("height", Math.min(height, 16_000)).put("deviceScaleFactor", 1).put("mobile", false));
    JsonNode shot = call("Page.captureScreenshot", Json.MAPPER.createObjectNode().put("format", "png"));
    return java.util.Base64.getDecoder().decode(shot.path("data").asText());
  }

  @Override
  public void close() throws InterruptedException {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
