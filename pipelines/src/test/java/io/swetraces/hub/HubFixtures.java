package io.swetraces.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * A small dataset repository in the Hub's layout, made of the bundled sample's rows rewritten with
 * row groups of a few rows (as large Hub shards have many row groups), so a sampled read can be
 * seen to fetch only the groups it needs.
 */
public final class HubFixtures {
  /** The dataset {@link #publish} serves. */
  public static final String REPO = "acme/swe-traces-mini";

  public static final Path SAMPLE_PARQUET = Path.of("..", "src", "sample", "oswt-sample-00000-of-00001.parquet");

  /** The card's {@code configs}: two configs (agents), one split (model) each. */
  public static final String CARD = """
      {"license": "cc-by-4.0", "configs": [
        {"config_name": "openhands", "data_files": [
          {"split": "model_a", "path": "data/openhands/model_a/*.parquet"}]},
        {"config_name": "sweagent", "data_files": [
          {"split": "model_b", "path": "data/sweagent/model_b/**/*.parquet"}]}]}
      """;

  public static final List<String> FILES = List.of(
      "data/openhands/model_a/train-00000-of-00002.parquet",
      "data/openhands/model_a/train-00001-of-00002.parquet",
      "data/sweagent/model_b/swe-rebench/train-00000-of-00001.parquet");

  private HubFixtures() {}

  /** Writes the repository under {@code root} and serves it as {@link #REPO}'s main; returns its commit. */
  public static String publish(FakeHub hub, Path root) throws IOException {
    write(root, SAMPLE_PARQUET);
    return hub.dataset(REPO).card(CARD).commit("main", root);
  }

  /** Writes the repository's files under {@code root}: 17 + 9 + 17 rows, and a README. */
  public static Path write(Path root, Path sampleParquet) throws IOException {
    MessageType schema;
    List<Group> rows = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(hadoop(sampleParquet), new Configuration()))) {
      schema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    }
    write(root.resolve(FILES.get(0)), schema, rows);
    write(root.resolve(FILES.get(1)), schema, rows.subList(0, 9));
    write(root.resolve(FILES.get(2)), schema, rows);
    Files.writeString(root.resolve("README.md"), "---\nlicense: cc-by-4.0\n---\nA test dataset.\n", StandardCharsets.UTF_8);
    return root;
  }

  private static void write(Path file, MessageType schema, List<Group> rows) throws IOException {
    Files.createDirectories(file.getParent());
    // Checking the size after every row closes a row group every ~64 KB: a few rows each.
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(hadoop(file))
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupSize(64 * 1024)
        // As pyarrow does, keep long strings' min/max out of the footer.
        .withStatisticsTruncateLength(64)
        .withMinRowCountForPageSizeCheck(1)
        .withMaxRowCountForPageSizeCheck(1)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (Group row : rows) {
        writer.write(row);
      }
    }
    // Hadoop's local file system leaves checksum files beside what it writes; a repository has none.
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
  }

  /** The row groups of a Parquet file: rows and byte range of each, as its footer gives them. */
  public static List<BlockMetaData> rowGroups(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(hadoop(file), new Configuration()))) {
      return reader.getFooter().getBlocks();
    }
  }

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toAbsolutePath().toUri());
  }
}
