package io.swetraces.io;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;

/** The schema coder of a value type that has one, where Beam does not infer it (inside a KV, a list). */
final class SchemaCoders {
  private SchemaCoders() {}

  static <T> Coder<T> of(Pipeline pipeline, Class<T> type) {
    try {
      return pipeline.getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(type.getSimpleName() + " has a schema", e);
    }
  }
}
