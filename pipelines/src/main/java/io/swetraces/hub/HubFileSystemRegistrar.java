package io.swetraces.hub;

import java.util.List;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Registers {@code hf://} with Beam through {@code META-INF/services}, so every runner's workers
 * find it when they set up their file systems from the job's options.
 */
public final class HubFileSystemRegistrar implements FileSystemRegistrar {
  @Override
  public Iterable<FileSystem<?>> fromOptions(@Nullable PipelineOptions options) {
    HubOptions hub = (options == null ? PipelineOptionsFactory.create() : options).as(HubOptions.class);
    return List.of(new HubFileSystem(new HubClient(HubSettings.from(hub))));
  }
}
