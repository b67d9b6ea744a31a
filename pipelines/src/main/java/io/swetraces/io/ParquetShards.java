package io.swetraces.io;

import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;

/**
 * Parquet shards of Avro records. Records reach the writer as Avro bytes and become records only
 * there: a fixed shard count groups them by shard, and the DirectRunner copies a group, element by
 * element through its coder, each time a bundle adds to it. Copying bytes is cheap; copying
 * records through Avro's generic coder cost more than a tenth of a run.
 */
public final class ParquetShards {
  private final Schema schema;
  private final AvroCoder<GenericRecord> coder;

  private ParquetShards(Schema schema) {
    this.schema = schema;
    this.coder = AvroCoder.of(GenericRecord.class, schema);
  }

  public static ParquetShards of(Schema schema) {
    return new ParquetShards(schema);
  }

  public Schema schema() {
    return schema;
  }

  /** One record's Avro bytes: what {@link #write} takes. */
  public byte[] bytes(GenericRecord record) {
    try {
      return CoderUtils.encodeToByteArray(coder, record);
    } catch (CoderException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code PREFIX-SSSSS-of-NNNNN.parquet} into a folder, and outputs their names. */
  public PTransform<PCollection<byte[]>, PCollection<String>> write(String folder, String prefix, int shards) {
    AvroCoder<GenericRecord> records = coder;
    Schema avro = schema;
    return new PTransform<>() {
      @Override
      public PCollection<String> expand(PCollection<byte[]> rows) {
        return rows
            .apply("WriteShards", FileIO.<byte[]>write()
                .via(Contextful.fn(bytes -> record(records, bytes)), ParquetIO.sink(avro))
                .to(folder).withPrefix(prefix).withSuffix(".parquet").withNumShards(shards))
            .getPerDestinationOutputFilenames()
            .apply("ShardNames", Values.create());
      }
    };
  }

  static GenericRecord record(AvroCoder<GenericRecord> coder, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new UncheckedIOException(e);
    }
  }
}
