package io.swetraces.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.swetraces.text.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Hugging Face Hub on 127.0.0.1 for tests: the endpoints {@code huggingface_hub} and swe-traces
 * use, with the Hub's response shapes and error headers. Repository info at a revision, the paged
 * tree listing, and the resolve endpoint, which redirects Parquet files (stored with LFS on the Hub)
 * to a storage host (here {@code localhost}, another origin) and serves byte ranges. Datasets can be
 * gated; faults can be injected per path; every request and every body byte served is counted.
 */
public final class FakeHub implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  /** What goes wrong with the next requests whose path contains some text. */
  public enum Fault {
    /** 429 with {@code Retry-After: 1}. */
    RATE_LIMITED,
    /** 500. */
    SERVER_ERROR,
    /** The headers promise the whole body; half of it is sent, then the connection closes. */
    DROPPED,
    /** Part of the body, then a pause longer than the client's timeout. */
    STALLED
  }

  private record Injected(String pathPart, Fault fault) {}

  /** One request as the server saw it: its path with the query. */
  public record Request(String method, String host, String path, String range, boolean authorized) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Repo> repos = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Injected> faults = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicLong> bytesByPath = new ConcurrentHashMap<>();
  private volatile int pageSize = 1000;
  private volatile long stallMillis = 3_000;

  private FakeHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeHub start() throws IOException {
    return new FakeHub();
  }

  /** What HF_ENDPOINT would be set to. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A model repository, created empty on first use (ids are shared with datasets'). */
  public Repo model(String id) {
    return repos.computeIfAbsent(id, Repo::new);
  }

  /** A dataset repository, created empty on first use. */
  public Repo dataset(String id) {
    return repos.computeIfAbsent(id, Repo::new);
  }

  /** Listing pages this long (the Hub's is 1000). */
  public FakeHub pageSize(int entries) {
    this.pageSize = entries;
    return this;
  }

  public FakeHub stallFor(long millis) {
    this.stallMillis = millis;
    return this;
  }

  /** The next {@code times} requests whose path contains {@code pathPart} fail this way. */
  public FakeHub fail(String pathPart, Fault fault, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(new Injected(pathPart, fault));
    }
    return this;
  }

  /** Injected faults no request has met yet. */
  public int pendingFaults() {
    return faults.size();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Body bytes sent so far for the file paths containing {@code pathPart}. */
  public long bytesServed(String pathPart) {
    return bytesByPath.entrySet().stream()
        .filter(e -> e.getKey().contains(pathPart))
        .mapToLong(e -> e.getValue().get())
        .sum();
  }

  public void resetCounts() {
    requests.clear();
    bytesByPath.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** One dataset: commits of file trees, branches pointing at them, a card, maybe a gate. */
  public final class Repo {
    private final String id;
    private final Map<String, Path> commits = new LinkedHashMap<>();
    private final Map<String, String> branches = new ConcurrentHashMap<>();
    private volatile JsonNode card = JsonNodeFactory.instance.objectNode();
    private volatile Set<String> grantedTokens;

    private Repo(String id) {
      this.id = id;
    }

    /** Commits the files under {@code root} to {@code branch}; returns the commit's sha. */
    public String commit(String branch, Path root) {
      String sha = sha1(id + "\n" + branch + "\n" + commits.size());
      commits.put(sha, root);
      branches.put(branch, sha);
      return sha;
    }

    /** The card data (README YAML), e.g. its {@code configs}. */
    public Repo card(String cardJson) {
      try {
        this.card = Json.MAPPER.readTree(cardJson);
      } catch (IOException e) {
        throw new IllegalArgumentException(e);
      }
      return this;
    }

    /** Gated: only these tokens may download files. */
    public Repo gated(String... tokens) {
      this.grantedTokens = Set.of(tokens);
      return this;
    }

    public String sha(String branch) {
      return branches.get(branch);
    }

    private Path root(String revision) {
      String sha = branches.getOrDefault(revision, revision);
      return commits.get(sha);
    }

    private String shaOf(String revision) {
      return branches.getOrDefault(revision, revision);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String host = String.valueOf(ex.getRequestHeaders().getFirst("Host")).replaceAll(":\\d+$", "");
    String query = ex.getRequestURI().getRawQuery();
    requests.add(new Request(ex.getRequestMethod(), host, query == null ? raw : raw + "?" + query, ex.getRequestHeaders().getFirst("Range"), auth != null));
    try (ex) {
      Fault fault = takeFault(raw);
      if (fault == Fault.RATE_LIMITED) {
        ex.getResponseHeaders().set("Retry-After", "1");
        text(ex, 429, "Too Many Requests", null);
        return;
      }
      if (fault == Fault.SERVER_ERROR) {
        text(ex, 500, "Internal Error", null);
        return;
      }
      String[] s = raw.split("/");
      if ((raw.startsWith("/api/datasets/") || raw.startsWith("/api/models/")) && s.length >= 6) {
        Repo repo = repos.get(decode(s[3]) + "/" + decode(s[4]));
        if (repo == null) {
          error(ex, 404, "RepoNotFound", "Repository not found");
          return;
        }
        String revision = s.length > 6 ? decode(s[6]) : "main";
        Path root = repo.root(revision);
        if (root == null) {
          error(ex, 404, "RevisionNotFound", "Invalid rev id: " + revision);
          return;
        }
        if (s[5].equals("revision")) {
          info(ex, repo, revision, root, fault);
        } else if (s[5].equals("tree")) {
          tree(ex, repo, revision, root, joinDecoded(s, 7), fault);
        } else {
          text(ex, 404, "no such endpoint", null);
        }
      } else if (raw.startsWith("/datasets/") && s.length >= 7 && s[4].equals("resolve")) {
        resolveIn(ex, decode(s[2]) + "/" + decode(s[3]), decode(s[5]), joinDecoded(s, 6), auth, fault);
      } else if (raw.startsWith("/cdn/") && s.length >= 5) {
        Path root = null;
        for (Repo repo : repos.values()) {
          root = root != null ? root : repo.commits.get(s[2]);
        }
        Path file = root == null ? null : root.resolve(joinDecoded(s, 3));
        if (file == null || !Files.isRegularFile(file)) {
          text(ex, 404, "NoSuchKey", null);
          return;
        }
        serve(ex, file, joinDecoded(s, 3), fault);
      } else if (s.length >= 6 && s[3].equals("resolve")) { // a model's file: /OWNER/NAME/resolve/REV/PATH
        resolveIn(ex, decode(s[1]) + "/" + decode(s[2]), decode(s[4]), joinDecoded(s, 5), auth, fault);
      } else {
        text(ex, 404, "not found", null);
      }
    } catch (IOException e) {
      // The client went away (a timeout, a dropped range): nothing to answer.
    }
  }

  /** A file of a repository at a revision, or the Hub's error for a repository or revision it lacks. */
  private void resolveIn(HttpExchange ex, String repoId, String revision, String path, String auth, Fault fault)
      throws IOException {
    Repo repo = repos.get(repoId);
    if (repo == null) {
      error(ex, 404, "RepoNotFound", "Repository not found");
      return;
    }
    Path root = repo.root(revision);
    if (root == null) {
      error(ex, 404, "RevisionNotFound", "Invalid rev id: " + revision);
      return;
    }
    resolve(ex, repo, revision, root, path, auth, fault);
  }

  private Fault takeFault(String path) {
    for (Injected f : faults) {
      if (path.contains(f.pathPart()) && faults.remove(f)) {
        return f.fault();
      }
    }
    return null;
  }

  private void info(HttpExchange ex, Repo repo, String revision, Path root, Fault fault) throws IOException {
    ObjectNode info = Json.MAPPER.createObjectNode();
    info.put("_id", sha1(repo.id).substring(0, 24));
    info.put("id", repo.id);
    info.put("author", repo.id.substring(0, repo.id.indexOf('/')));
    info.put("sha", repo.shaOf(revision));
    info.put("private", false);
    if (repo.grantedTokens == null) {
      info.put("gated", false);
    } else {
      info.put("gated", "manual");
    }
    info.put("disabled", false);
    info.set("cardData", repo.card);
    ArrayNode siblings = info.putArray("siblings");
    for (String f : files(root, "", true)) {
      if (!Files.isDirectory(root.resolve(f))) {
        siblings.addObject().put("rfilename", f);
      }
    }
    json(ex, 200, info, fault);
  }

  private void tree(HttpExchange ex, Repo repo, String revision, Path root, String folder, Fault fault)
      throws IOException {
    Path dir = folder.isEmpty() ? root : root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      error(ex, 404, "EntryNotFound", folder + " does not exist on \"" + revision + "\"");
      return;
    }
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    boolean recursive = "true".equalsIgnoreCase(query.get("recursive"));
    List<String> entries = files(root, folder, recursive);
    int from = Integer.parseInt(query.getOrDefault("cursor", "0"));
    int to = Math.min(entries.size(), from + pageSize);
    ArrayNode page = Json.MAPPER.createArrayNode();
    for (String path : entries.subList(from, to)) {
      Path p = root.resolve(path);
      ObjectNode e = page.addObject();
      if (Files.isDirectory(p)) {
        e.put("type", "directory").put("oid", sha1(path)).put("size", 0).put("path", path);
      } else {
        long size = Files.size(p);
        e.put("type", "file").put("oid", sha1(path + size)).put("size", size).put("path", path);
        if (isLfs(path)) {
          e.putObject("lfs").put("oid", sha256(p)).put("size", size).put("pointerSize", 134);
        }
      }
    }
    if (to < entries.size()) {
      ex.getResponseHeaders().set("Link", "<" + endpoint() + ex.getRequestURI().getRawPath()
          + "?recursive=" + recursive + "&expand=false&cursor=" + to + ">; rel=\"next\"");
    }
    json(ex, 200, page, fault);
  }

  private void resolve(HttpExchange ex, Repo repo, String revision, Path root, String path, String auth, Fault fault)
      throws IOException {
    if (repo.grantedTokens != null) {
      String token = auth == null ? null : auth.replaceFirst("^Bearer ", "");
      if (token == null) {
        error(ex, 401, "GatedRepo", "Access to dataset " + repo.id + " is restricted. You must have access"
            + " to it and be authenticated to access it. Please log in.");
        return;
      }
      if (!repo.grantedTokens.contains(token)) {
        error(ex, 403, "GatedRepo", "Access to dataset " + repo.id + " is restricted and you are not in the"
            + " authorized list. Visit " + endpoint() + "/datasets/" + repo.id + " to ask for access.");
        return;
      }
    }
    Path file = root.resolve(path);
    if (!Files.isRegularFile(file)) {
      error(ex, 404, "EntryNotFound", path + " does not exist on \"" + revision + "\"");
      return;
    }
    ex.getResponseHeaders().set("X-Repo-Commit", repo.shaOf(revision));
    ex.getResponseHeaders().set("X-Linked-Size", String.valueOf(Files.size(file)));
    if (isLfs(path)) {
      ex.getResponseHeaders().set("X-Linked-Etag", "\"" + sha256(file) + "\"");
      ex.getResponseHeaders().set("Location", "http://localhost:" + server.getAddress().getPort() + "/cdn/"
          + repo.shaOf(revision) + "/" + path + "?X-Amz-Expires=3600");
      ex.sendResponseHeaders(302, -1);
      return;
    }
    serve(ex, file, path, fault);
  }

  /** A file's bytes, a range of them when asked, counting what is sent. */
  private void serve(HttpExchange ex, Path file, String path, Fault fault) throws IOException {
    long size = Files.size(file);
    long from = 0;
    long to = size - 1;
    int status = 200;
    String range = ex.getRequestHeaders().getFirst("Range");
    if (range != null) {
      Matcher m = RANGE.matcher(range);
      if (m.matches()) {
        from = Long.parseLong(m.group(1));
        to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        if (from >= size) {
          ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
          ex.sendResponseHeaders(416, -1);
          return;
        }
        status = 206;
        ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
      }
    }
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    ex.getResponseHeaders().set("ETag", "\"" + sha1(path + size) + "\"");
    long length = to - from + 1;
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", String.valueOf(length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, length);
    AtomicLong counter = bytesByPath.computeIfAbsent(path, p -> new AtomicLong());
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(from);
      byte[] buf = new byte[1 << 14];
      long left = length;
      long limit = fault == Fault.DROPPED || fault == Fault.STALLED ? length / 2 : length;
      OutputStream out = ex.getResponseBody();
      while (left > length - limit) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left - (length - limit)));
        out.write(buf, 0, n);
        counter.addAndGet(n);
        left -= n;
      }
      out.flush();
      if (fault == Fault.DROPPED) {
        throw new IOException("dropping the connection");
      }
      if (fault == Fault.STALLED) {
        sleep(stallMillis);
        throw new IOException("stalled past the client's patience");
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void json(HttpExchange ex, int status, JsonNode body, Fault fault) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    if (fault == Fault.DROPPED || fault == Fault.STALLED) {
      ex.getResponseBody().write(bytes, 0, bytes.length / 2);
      ex.getResponseBody().flush();
      if (fault == Fault.STALLED) {
        sleep(stallMillis);
      }
      throw new IOException("dropping the connection");
    }
    ex.getResponseBody().write(bytes);
  }

  private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
    ex.getResponseHeaders().set("X-Error-Code", code);
    ex.getResponseHeaders().set("X-Error-Message", message);
    text(ex, status, "{\"error\":" + Json.MAPPER.writeValueAsString(message) + "}", "application/json");
  }

  private static void text(HttpExchange ex, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type == null ? "text/plain" : type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  /** Paths under {@code folder}, relative to the root, folders included, sorted. */
  private static List<String> files(Path root, String folder, boolean recursive) throws IOException {
    Path dir = folder.isEmpty() ? root : root.resolve(folder);
    try (Stream<Path> walk = recursive ? Files.walk(dir) : Files.list(dir)) {
      return walk.filter(p -> !p.equals(dir))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static boolean isLfs(String path) {
    return path.endsWith(".parquet");
  }

  private static String joinDecoded(String[] segments, int from) {
    List<String> parts = new ArrayList<>();
    for (String s : Arrays.copyOfRange(segments, Math.min(from, segments.length), segments.length)) {
      parts.add(decode(s));
    }
    return String.join("/", parts);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        q.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
      }
    }
    return q;
  }

  private static String sha1(String s) {
    return digest("SHA-1", s.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(Path file) throws IOException {
    return digest("SHA-256", Files.readAllBytes(file));
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
