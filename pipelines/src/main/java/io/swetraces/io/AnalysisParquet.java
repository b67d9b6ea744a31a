package io.swetraces.io;

import io.swetraces.model.AnalysisRow;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;

/**
 * The analysis table as Parquet shards. Rows reach the writer as Avro bytes and become records only
 * there: a fixed shard count groups them by shard, and the DirectRunner copies a group, element by
 * element through its coder, each time a bundle adds to it. Copying bytes is cheap; copying
 * records through Avro's generic coder cost more than a tenth of a run.
 */
public final class AnalysisParquet {
  private static final Schema AVRO = AvroUtils.toAvroSchema(AnalysisTable.SCHEMA, "AnalysisRow", "io.swetraces");
  private static final AvroCoder<GenericRecord> CODER = AvroCoder.of(GenericRecord.class, AVRO);

  private AnalysisParquet() {}

  /** One row's Avro bytes: what {@link #write} takes. */
  public static byte[] bytes(AnalysisRow row) {
    try {
      return CoderUtils.encodeToByteArray(CODER, AvroUtils.toGenericRecord(AnalysisTable.row(row), AVRO));
    } catch (CoderException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code PREFIX-SSSSS-of-NNNNN.parquet} into a folder, and outputs their names. */
  public static PTransform<PCollection<byte[]>, PCollection<String>> write(String folder, String prefix, int shards) {
    return new PTransform<>() {
      @Override
      public PCollection<String> expand(PCollection<byte[]> rows) {
        return rows
            .apply("WriteShards", FileIO.<byte[]>write()
                .via(Contextful.fn(AnalysisParquet::record), ParquetIO.sink(AVRO))
                .to(folder).withPrefix(prefix).withSuffix(".parquet").withNumShards(shards))
            .getPerDestinationOutputFilenames()
            .apply("ShardNames", Values.create());
      }
    };
  }

  static GenericRecord record(byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(CODER, bytes);
    } catch (CoderException e) {
      throw new UncheckedIOException(e);
    }
  }
}
