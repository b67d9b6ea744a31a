package io.swetraces.io;

import io.swetraces.model.AnalysisRow;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;

/** The analysis table as Parquet shards ({@link ParquetShards}). */
public final class AnalysisParquet {
  static final ParquetShards SHARDS =
      ParquetShards.of(AvroUtils.toAvroSchema(AnalysisTable.SCHEMA, "AnalysisRow", "io.swetraces"));

  private AnalysisParquet() {}

  /** One row's Avro bytes: what the shards take. */
  public static byte[] bytes(AnalysisRow row) {
    return SHARDS.bytes(AvroUtils.toGenericRecord(AnalysisTable.row(row), SHARDS.schema()));
  }
}
