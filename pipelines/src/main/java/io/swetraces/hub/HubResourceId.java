package io.swetraces.hub;

import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A file or folder in a Hub dataset, named by its {@code hf://} path. */
final class HubResourceId implements ResourceId {
  private final String spec;
  private final boolean directory;

  private HubResourceId(String spec, boolean directory) {
    this.spec = spec;
    this.directory = directory;
  }

  static HubResourceId of(HubPath path, boolean directory) {
    String spec = path.toString();
    if (directory && !spec.endsWith("/")) {
      spec += "/";
    }
    return new HubResourceId(spec, directory);
  }

  HubPath path() {
    return HubPath.parse(spec);
  }

  @Override
  public ResourceId resolve(String other, ResolveOptions options) {
    if (!directory) {
      throw new IllegalStateException("cannot resolve " + other + " against the file " + spec);
    }
    boolean asDirectory = options == StandardResolveOptions.RESOLVE_DIRECTORY;
    return of(path().withPath(path().path + other), asDirectory);
  }

  @Override
  public ResourceId getCurrentDirectory() {
    if (directory) {
      return this;
    }
    HubPath p = path();
    String parent = p.parent();
    return of(p.withPath(parent.isEmpty() ? "" : parent + "/"), true);
  }

  @Override
  public String getScheme() {
    return HubPath.SCHEME;
  }

  @Override
  public @Nullable String getFilename() {
    String p = directory ? spec.substring(0, spec.length() - 1) : spec;
    String name = p.substring(p.lastIndexOf('/') + 1);
    return name.isEmpty() ? null : name;
  }

  @Override
  public boolean isDirectory() {
    return directory;
  }

  @Override
  public String toString() {
    return spec;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HubResourceId other && spec.equals(other.spec) && directory == other.directory;
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }
}
