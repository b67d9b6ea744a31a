package io.swetraces.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The Hub's HTTP API as {@code huggingface_hub} uses it: repository info, the paged tree listing
 * and the resolve endpoint with byte ranges. Every request goes through one retry loop: 429 waits
 * for Retry-After, 5xx, dropped connections and stalls back off and retry, up to the attempts
 * allowed. Redirects are followed by hand so the token only ever goes to the endpoint itself, never
 * to the storage it redirects to; it never appears in a message either.
 */
final class HubClient {
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
  private static final int MAX_REDIRECTS = 10;

  final HubSettings settings;
  private final CloseableHttpClient http;

  HubClient(HubSettings settings) {
    this.settings = settings;
    Timeout timeout = Timeout.of(settings.timeout);
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                    .setMaxConnPerRoute(32)
                    .setMaxConnTotal(64)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(timeout).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .setUserAgent("swe-traces")
            .build();
  }

  /** A file or folder entry of the repository tree. */
  record Entry(String path, boolean file, long size) {}

  /** A JSON answer with the link to its next page, if any. */
  private record Page(JsonNode json, @Nullable URI next) {}

  /** What to make of a successful response; failing to read it counts as a failed attempt. */
  private interface BodyReader<T> {
    T read(Response r) throws IOException;
  }

  /** {@code /api/datasets/REPO/revision/REV} (or {@code models}): the commit ({@code sha}), gating and card data. */
  JsonNode repoInfo(HubPath repoAt) throws IOException {
    return send("GET", api(repoAt, "revision", ""), null, repoAt, HubClient::page).json();
  }

  /** The entries under a folder, following the listing's pages. */
  List<Entry> list(HubPath folder, boolean recursive) throws IOException {
    List<Entry> entries = new ArrayList<>();
    URI next = URI.create(api(folder, "tree", folder.path) + "?recursive=" + recursive + "&expand=false");
    while (next != null) {
      Page page = send("GET", next, null, folder, HubClient::page);
      for (JsonNode e : page.json()) {
        JsonNode lfs = e.get("lfs");
        long size = lfs != null && lfs.has("size") ? lfs.get("size").asLong() : e.path("size").asLong();
        entries.add(new Entry(e.path("path").asText(), "file".equals(e.path("type").asText()), size));
      }
      next = page.next();
    }
    return entries;
  }

  private static Page page(Response r) throws IOException {
    try (r) {
      return new Page(Json.MAPPER.readTree(r.body()), nextPage(r.header("Link")));
    }
  }

  /** The resolve URL of a file: the Hub answers it, or redirects it to its storage. */
  URI resolve(HubPath file) {
    return URI.create(page(file) + "/resolve/"
        + encode(file.revisionOrDefault(), false) + "/" + encode(file.path, true));
  }

  /** The bytes {@code from..to} (inclusive) of the file behind {@code uri}, redirects followed. */
  Response range(URI uri, HubPath file, long from, long to) throws IOException {
    return send("GET", uri, "bytes=" + from + "-" + to, file, r -> r);
  }

  Response head(HubPath file) throws IOException {
    return send("HEAD", resolve(file), null, file, r -> r);
  }

  private URI api(HubPath at, String endpoint, String path) {
    String tail = path.isEmpty() ? "" : "/" + encode(path, true);
    return URI.create(settings.endpoint + "/api/" + at.kind + "/" + at.repo + "/" + endpoint + "/"
        + encode(at.revisionOrDefault(), false) + tail);
  }

  /** The repository's page: datasets live under {@code /datasets/}, models at the root. */
  private String page(HubPath at) {
    return settings.endpoint + (at.kind.equals(HubPath.MODELS) ? "" : "/" + HubPath.DATASETS) + "/" + at.repo;
  }

  /** One request, retried as the class says, its successful response handed to {@code reader}. */
  private <T> T send(String method, URI uri, @Nullable String range, HubPath about, BodyReader<T> reader)
      throws IOException {
    IOException last = null;
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      try {
        Response r = follow(method, uri, range);
        if (r.status < 300 || r.status == 416) {
          return reader.read(r);
        }
        try (r) {
          if (r.status != 429 && r.status < 500) {
            throw refusal(r, about);
          }
          last = new IOException(what(about) + ": HTTP " + r.status);
          wait = r.status == 429 ? retryAfter(r.header("Retry-After"), attempt) : backoff(attempt);
        }
      } catch (HubException e) {
        throw e;
      } catch (IOException e) {
        last = e;
        wait = backoff(attempt);
      }
      if (attempt >= settings.maxAttempts) {
        throw new SourceUnavailableException(
            what(about) + ": gave up after " + attempt + " attempts; last: " + last.getMessage(), last);
      }
      pause(wait);
    }
  }

  private Response follow(String method, URI uri, @Nullable String range) throws IOException {
    URI target = uri;
    for (int redirects = 0; ; redirects++) {
      HttpUriRequestBase request = new HttpUriRequestBase(method, target);
      request.setHeader("Accept-Encoding", "identity");
      if (range != null) {
        request.setHeader("Range", range);
      }
      if (settings.token != null && settings.isEndpoint(target)) {
        request.setHeader("Authorization", "Bearer " + settings.token);
      }
      Response r = new Response(http.executeOpen(null, request, null), target);
      String location = r.header("Location");
      if (r.status < 300 || r.status >= 400 || location == null || redirects >= MAX_REDIRECTS) {
        return r;
      }
      r.close();
      target = target.resolve(location);
    }
  }

  private HubException refusal(Response r, HubPath about) {
    String code = r.header("X-Error-Code");
    String server = r.header("X-Error-Message");
    String page = page(about);
    String message;
    boolean notFound = false;
    if ("GatedRepo".equals(code)) {
      message = settings.token == null
          ? about.noun() + " " + about.repo + " is gated: accept its conditions at " + page
              + " while logged in, then set HF_TOKEN to a token of that account (or save it with `hf auth login`)"
          : about.noun() + " " + about.repo + " is gated and this token's account has no access yet: accept its"
              + " conditions at " + page + " with that account";
    } else if ("RepoNotFound".equals(code)) {
      notFound = true;
      message = about.noun() + " " + about.repo + " not found on " + settings.endpoint
          + (settings.token == null ? " (if it is private, set HF_TOKEN)" : "");
    } else if ("RevisionNotFound".equals(code)) {
      notFound = true;
      message = "revision " + about.revisionOrDefault() + " not found in " + about.noun() + " " + about.repo;
    } else if ("EntryNotFound".equals(code) || r.status == 404) {
      notFound = true;
      message = what(about) + ": not found";
    } else if (r.status == 401) {
      message = settings.token == null
          ? what(about) + ": the Hub asks for a token: set HF_TOKEN"
          : what(about) + ": the Hub refused the token (HF_TOKEN or token file): invalid or expired";
    } else {
      message = what(about) + ": HTTP " + r.status;
    }
    return new HubException(r.status, notFound, server == null ? message : message + " (Hub: " + server + ")");
  }

  private static String what(HubPath about) {
    return about.toString();
  }

  Duration backoff(int attempt) {
    long base = settings.backoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    // Jitter spreads the retries of many workers hitting the same limit.
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  /** Retry-After as seconds or an HTTP date; without one, the usual backoff. */
  private Duration retryAfter(@Nullable String header, int attempt) {
    if (header == null) {
      return backoff(attempt);
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      try {
        wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (RuntimeException unparsable) {
        return backoff(attempt);
      }
    }
    return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  void pause(Duration wait) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry the Hub");
    }
  }

  static @Nullable URI nextPage(@Nullable String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT_LINK.matcher(link);
    return m.find() ? URI.create(m.group(1)) : null;
  }

  /** Percent-encodes a revision (slashes too) or a path (slashes kept). */
  static String encode(String s, boolean keepSlashes) {
    String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    return keepSlashes ? encoded.replace("%2F", "/") : encoded;
  }

  /** An open response; closing it before its end drops the connection rather than reading on. */
  static final class Response implements Closeable {
    final int status;
    final URI uri;
    private final ClassicHttpResponse raw;

    Response(ClassicHttpResponse raw, URI uri) {
      this.raw = raw;
      this.status = raw.getCode();
      this.uri = uri;
    }

    @Nullable String header(String name) {
      Header h = raw.getFirstHeader(name);
      return h == null ? null : h.getValue();
    }

    InputStream body() throws IOException {
      HttpEntity entity = raw.getEntity();
      return entity == null ? InputStream.nullInputStream() : entity.getContent();
    }

    @Override
    public void close() throws IOException {
      raw.close();
    }
  }
}
