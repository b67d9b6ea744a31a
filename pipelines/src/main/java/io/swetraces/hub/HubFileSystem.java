package io.swetraces.hub;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;

/**
 * Beam's file system for {@code hf://datasets/OWNER/NAME[@REVISION]/PATH-OR-GLOB} (and
 * {@code hf://models/...}), read-only.
 * Matching lists the repository tree (only from the folder before the first wildcard, and
 * recursively only when the glob spans folders); reading is a {@link HubReadChannel}.
 */
final class HubFileSystem extends FileSystem<HubResourceId> {
  private final HubClient client;

  HubFileSystem(HubClient client) {
    this.client = client;
  }

  @Override
  protected List<MatchResult> match(List<String> specs) {
    List<MatchResult> results = new ArrayList<>();
    for (String spec : specs) {
      results.add(matchOne(spec));
    }
    return results;
  }

  private MatchResult matchOne(String spec) {
    try {
      List<MatchResult.Metadata> files = matchFiles(HubPath.parse(spec));
      return files.isEmpty()
          ? MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException("no file matches " + spec))
          : MatchResult.create(MatchResult.Status.OK, files);
    } catch (HubException e) {
      return MatchResult.create(e.notFound ? MatchResult.Status.NOT_FOUND : MatchResult.Status.ERROR, e);
    } catch (IOException e) {
      return MatchResult.create(MatchResult.Status.ERROR, e);
    } catch (IllegalArgumentException e) {
      return MatchResult.create(MatchResult.Status.ERROR, new IOException(e.getMessage(), e));
    }
  }

  /** The files a path or glob names, sorted by path; a folder names nothing. */
  List<MatchResult.Metadata> matchFiles(HubPath spec) throws IOException {
    boolean glob = Globs.isGlob(spec.path);
    String folder = glob ? Globs.fixedFolder(spec.path) : spec.parent();
    Pattern wanted = glob ? Globs.toRegex(spec.path) : Pattern.compile(Pattern.quote(spec.path));
    List<MatchResult.Metadata> files = new ArrayList<>();
    for (HubClient.Entry e : client.list(spec.withPath(folder), glob && Globs.spansFolders(spec.path))) {
      if (e.file() && wanted.matcher(e.path()).matches()) {
        files.add(MatchResult.Metadata.builder()
            .setResourceId(HubResourceId.of(spec.withPath(e.path()), false))
            .setSizeBytes(e.size())
            .setIsReadSeekEfficient(true)
            .setLastModifiedMillis(0)
            .build());
      }
    }
    files.sort(Comparator.comparing(m -> m.resourceId().toString()));
    return files;
  }

  @Override
  protected ReadableByteChannel open(HubResourceId resourceId) {
    return new HubReadChannel(client, resourceId.path());
  }

  @Override
  protected HubResourceId matchNewResource(String singleResourceSpec, boolean isDirectory) {
    return HubResourceId.of(HubPath.parse(singleResourceSpec), isDirectory);
  }

  @Override
  protected String getScheme() {
    return HubPath.SCHEME;
  }

  @Override
  protected WritableByteChannel create(HubResourceId resourceId, CreateOptions createOptions) {
    throw readOnly();
  }

  @Override
  protected void copy(List<HubResourceId> srcResourceIds, List<HubResourceId> destResourceIds) {
    throw readOnly();
  }

  @Override
  protected void rename(List<HubResourceId> srcResourceIds, List<HubResourceId> destResourceIds,
      MoveOptions... moveOptions) {
    throw readOnly();
  }

  @Override
  protected void delete(Collection<HubResourceId> resourceIds) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("hf:// paths are read-only: write outputs elsewhere");
  }
}
