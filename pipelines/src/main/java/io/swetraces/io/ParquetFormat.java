package io.swetraces.io;

import io.swetraces.hub.SourceUnavailableException;
import io.swetraces.text.Json;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet with nested {@code list<struct>} columns, as Hugging Face datasets are published. A row
 * group is fetched only once its first row to read is claimed.
 */
public final class ParquetFormat implements TraceFormat {
  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".parquet");
  }

  @Override
  public void read(TraceFile file, long from, long firstRow, RowSink sink) throws IOException {
    ParquetFileReader reader;
    try {
      reader = ParquetFileReader.open(new BeamInputFile(file));
    } catch (IOException | RuntimeException e) {
      SourceUnavailableException.rethrowIfUnavailable(e);
      if (from == 0 && sink.claim(0, 0)) {
        sink.reject(-1, "unreadable_parquet", "not a readable Parquet file: " + e.getMessage(), "");
      }
      return;
    }
    try (reader) {
      if (reader.getRecordCount() == 0) {
        if (from == 0 && sink.claim(0, 0)) {
          sink.reject(-1, "empty_file", "the file holds no rows", "");
        }
        return;
      }
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
      List<BlockMetaData> groups = reader.getRowGroups();
      long position = 0;
      try {
        // Each row is a resume position; one inside a row group decodes the rows before it again.
        for (int g = 0; g < groups.size(); g++) {
          long rows = groups.get(g).getRowCount();
          if (position + rows <= from) {
            position += rows;
            continue;
          }
          long first = Math.max(position, from);
          if (!sink.claim(first, first + 1)) {
            return;
          }
          PageReadStore pages = reader.readRowGroup(g);
          RecordReader<Group> records = columns.getRecordReader(pages, new GroupRecordConverter(schema));
          for (long end = position + rows; position < end; position++) {
            Group group = records.read();
            if (position < first) {
              continue;
            }
            if (position > first && !sink.claim(position, position + 1)) {
              return;
            }
            try {
              sink.row(position, Json.write(ParquetJson.record(group)));
            } catch (ParquetJson.InvalidUtf8 e) {
              sink.reject(position, "invalid_utf8", e.getMessage(), "");
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        SourceUnavailableException.rethrowIfUnavailable(e);
        sink.reject(position, "truncated_file",
            "reading stopped at row " + position + " of " + reader.getRecordCount() + ": " + e, "");
      }
    }
  }
}
