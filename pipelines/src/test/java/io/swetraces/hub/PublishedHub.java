package io.swetraces.hub;

import java.nio.file.Path;
import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;

/** A test rule: a {@link FakeHub} serving {@link HubFixtures#REPO}'s files, written to a fresh folder. */
public final class PublishedHub extends ExternalResource {
  private final TemporaryFolder folder = new TemporaryFolder();
  private FakeHub hub;
  private Path tree;
  private String sha;

  @Override
  protected void before() throws Throwable {
    folder.create();
    hub = FakeHub.start();
    tree = folder.newFolder("tree").toPath();
    sha = HubFixtures.publish(hub, tree);
  }

  @Override
  protected void after() {
    hub.close();
    folder.delete();
  }

  public FakeHub hub() {
    return hub;
  }

  /** The local copy of the repository's files. */
  public Path tree() {
    return tree;
  }

  /** The commit main points at. */
  public String sha() {
    return sha;
  }
}
