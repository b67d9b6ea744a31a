package io.swetraces.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What a Hub client needs: where the Hub is, the token if any, and how hard to retry. */
final class HubSettings {
  final URI endpoint;
  final @Nullable String token;
  final int maxAttempts;
  final Duration timeout;
  final Duration backoff;

  HubSettings(URI endpoint, @Nullable String token, int maxAttempts, Duration timeout, Duration backoff) {
    String e = endpoint.toString();
    this.endpoint = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
    this.token = token;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.timeout = timeout;
    this.backoff = backoff;
  }

  static HubSettings from(HubOptions o) {
    return new HubSettings(URI.create(o.getHfEndpoint()), token(o.getHfTokenFile(), System.getenv()),
        o.getHfMaxAttempts(), Duration.ofSeconds(o.getHfTimeoutSeconds()), Duration.ofMillis(o.getHfBackoffMillis()));
  }

  /**
   * The token as {@code huggingface_hub} finds it: a token file named explicitly, else {@code
   * HF_TOKEN}, else the file at {@code HF_TOKEN_PATH}, {@code $HF_HOME/token} or {@code
   * ~/.cache/huggingface/token}; null when there is none.
   */
  static @Nullable String token(@Nullable String tokenFile, Map<String, String> env) {
    if (tokenFile != null && !tokenFile.isBlank()) {
      String token = readToken(Path.of(tokenFile));
      if (token == null) {
        throw new IllegalArgumentException("--hfTokenFile: no token in " + tokenFile);
      }
      return token;
    }
    String fromEnv = env.get("HF_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    Path file;
    if (env.get("HF_TOKEN_PATH") != null) {
      file = Path.of(env.get("HF_TOKEN_PATH"));
    } else if (env.get("HF_HOME") != null) {
      file = Path.of(env.get("HF_HOME"), "token");
    } else {
      file = Path.of(System.getProperty("user.home"), ".cache", "huggingface", "token");
    }
    return readToken(file);
  }

  private static @Nullable String readToken(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).trim();
      return token.isEmpty() ? null : token;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Hub token file " + file, e);
    }
  }

  /** Whether a request to {@code uri} may carry the token: only the endpoint's own origin. */
  boolean isEndpoint(URI uri) {
    return endpoint.getScheme().equalsIgnoreCase(uri.getScheme())
        && endpoint.getHost().equalsIgnoreCase(uri.getHost())
        && port(endpoint) == port(uri);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
