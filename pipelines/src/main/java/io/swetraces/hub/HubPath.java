package io.swetraces.hub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code hf://datasets/OWNER/NAME[@REVISION]/PATH} (or {@code hf://models/...}): a path, folder or
 * glob in a dataset (model) repository, at a branch, tag or commit ({@code main} when none is
 * given). A revision holding a slash is written encoded, as {@code huggingface_hub} does:
 * {@code @refs%2Fconvert%2Fparquet}.
 */
final class HubPath {
  static final String SCHEME = "hf";
  static final String DATASETS = "datasets";
  static final String MODELS = "models";
  static final String DEFAULT_REVISION = "main";

  /** {@link #DATASETS} or {@link #MODELS}: the repository's kind, as the Hub's URLs name it. */
  final String kind;
  final String repo;
  final @Nullable String revision;
  final String path;

  private HubPath(String kind, String repo, @Nullable String revision, String path) {
    this.kind = kind;
    this.repo = repo;
    this.revision = revision;
    this.path = path;
  }

  static HubPath parse(String spec) {
    String kind = spec.startsWith(prefix(DATASETS)) ? DATASETS : spec.startsWith(prefix(MODELS)) ? MODELS : null;
    if (kind == null) {
      throw new IllegalArgumentException(spec + ": expected hf://datasets/OWNER/NAME[@REVISION]/PATH (or"
          + " hf://models/... for a model's files)");
    }
    String rest = spec.substring(prefix(kind).length());
    String[] parts = rest.split("/", 3);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(spec + ": expected hf://" + kind + "/OWNER/NAME[@REVISION]/PATH");
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
    return new HubPath(kind, parts[0] + "/" + name, revision, parts.length == 3 ? parts[2] : "");
  }

  private static String prefix(String kind) {
    return SCHEME + "://" + kind + "/";
  }

  /** A dataset's, or a model's: the word messages use. */
  String noun() {
    return kind.equals(MODELS) ? "model" : "dataset";
  }

  String revisionOrDefault() {
    return revision == null ? DEFAULT_REVISION : revision;
  }

  HubPath withPath(String newPath) {
    return new HubPath(kind, repo, revision, newPath);
  }

  HubPath withRevision(String newRevision) {
    return new HubPath(kind, repo, newRevision, path);
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
    return prefix(kind) + repo + rev + "/" + path;
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
