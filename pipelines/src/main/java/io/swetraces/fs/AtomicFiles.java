package io.swetraces.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Writes each file under a temporary name beside it, {@code .NAME.tmp-RANDOM}, and renames it to
 * its name once complete: a write that fails or is killed leaves no partial file under a final
 * name. Local files are renamed atomically; object stores create the named object whole.
 */
public final class AtomicFiles {
  /** What goes into the file. */
  public interface Content {
    void writeTo(WritableByteChannel out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code target} through a temporary file; on failure the temporary file is removed. */
  public static void write(ResourceId target, String mimeType, Content content) throws IOException {
    ResourceId temporary = temporaryFor(target);
    boolean local = isLocal(target);
    try {
      if (local) {
        Path path = Path.of(temporary.toString());
        Files.createDirectories(path.getParent());
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          content.writeTo(out);
        }
        Files.move(path, Path.of(target.toString()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } else {
        try (WritableByteChannel out = FileSystems.create(temporary, mimeType)) {
          content.writeTo(out);
        }
        FileSystems.rename(List.of(temporary), List.of(target));
      }
    } catch (IOException | RuntimeException e) {
      try {
        FileSystems.delete(List.of(temporary), StandardMoveOptions.IGNORE_MISSING_FILES);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Writes {@code bytes} as {@code target} through a temporary file. */
  public static void write(ResourceId target, String mimeType, byte[] bytes) throws IOException {
    write(target, mimeType, out -> {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    });
  }

  /** The temporary name {@link #write} uses for {@code target}, in the same folder. */
  public static ResourceId temporaryFor(ResourceId target) {
    return target.getCurrentDirectory()
        .resolve("." + target.getFilename() + ".tmp-" + UUID.randomUUID(), StandardResolveOptions.RESOLVE_FILE);
  }

  public static boolean isLocal(ResourceId resource) {
    return "file".equals(resource.getScheme());
  }
}
