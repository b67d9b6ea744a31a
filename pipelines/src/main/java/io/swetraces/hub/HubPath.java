package io.swetraces.hub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code hf://datasets/OWNER/NAME[@REVISION]/PATH}: a path, folder or glob in a dataset
 * repository, at a branch, tag or commit ({@code main} when none is given). A revision holding a
 * slash is written encoded, as {@code huggingface_hub} does: {@code @refs%2Fconvert%2Fparquet}.
 */
final class HubPath {
  static final String SCHEME = "hf";
  private static final String PREFIX = SCHEME + "://datasets/";
  static final String DEFAULT_REVISION = "main";

  final String repo;
  final @Nullable String revision;
  final String path;

  private HubPath(String repo, @Nullable String revision, String path) {
    this.repo = repo;
    this.revision = revision;
    this.path = path;
  }

  static HubPath parse(String spec) {
    if (!spec.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          spec + ": expected hf://datasets/OWNER/NAME[@REVISION]/PATH (only dataset repositories are read)");
    }
    String rest = spec.substring(PREFIX.length());
    String[] parts = rest.split("/", 3);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(spec + ": expected hf://datasets/OWNER/NAME[@REVISION]/PATH");
    }
    String name = parts[1];
    String revision = null;
    int at = name.indexOf('@');
    if (at >= 0) {
      revision = URLDecoder.decode(name.substring(at + 1), StandardCharsets.UTF_8);
      name = name.substring(0, at);
      if (revision.isEmpty()) {
        throw new IllegalArgumentException(spec + ": empty revision after @");
      }
    }
    return new HubPath(parts[0] + "/" + name, revision, parts.length == 3 ? parts[2] : "");
  }

  static HubPath of(String repo, @Nullable String revision, String path) {
    return new HubPath(repo, revision, path);
  }

  String revisionOrDefault() {
    return revision == null ? DEFAULT_REVISION : revision;
  }

  HubPath withPath(String newPath) {
    return new HubPath(repo, revision, newPath);
  }

  HubPath withRevision(String newRevision) {
    return new HubPath(repo, newRevision, path);
  }

  /** The folder holding this path ({@code ""} for the repository's root). */
  String parent() {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : p.substring(0, slash);
  }

  @Override
  public String toString() {
    String rev = revision == null ? "" : "@" + revision.replace("%", "%25").replace("/", "%2F");
    return PREFIX + repo + rev + "/" + path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HubPath other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
