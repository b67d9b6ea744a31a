package io.swetraces.io;

import io.swetraces.parse.Json;
import java.io.IOException;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** Parquet with nested {@code list<struct>} columns, as Hugging Face datasets are published. */
public final class ParquetFormat implements TraceFormat {
  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".parquet");
  }

  @Override
  public void read(TraceFile file, RowSink sink) throws IOException {
    ParquetFileReader reader;
    try {
      reader = ParquetFileReader.open(new BeamInputFile(file));
    } catch (IOException | RuntimeException e) {
      SourceUnavailableException.rethrowIfUnavailable(e);
      sink.reject(-1, "unreadable_parquet", "not a readable Parquet file: " + e.getMessage(), "");
      return;
    }
    try (reader) {
      if (reader.getRecordCount() == 0) {
        sink.reject(-1, "empty_file", "the file holds no rows", "");
        return;
      }
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
      long position = 0;
      try {
        PageReadStore pages;
        while ((pages = reader.readNextRowGroup()) != null) {
          RecordReader<Group> records =
              columns.getRecordReader(pages, new GroupRecordConverter(schema));
          for (long i = 0; i < pages.getRowCount(); i++, position++) {
            Group group = records.read();
            try {
              sink.row(position, Json.write(ParquetJson.record(group)));
            } catch (ParquetJson.InvalidUtf8 e) {
              sink.reject(position, "invalid_utf8", e.getMessage(), "");
            }
            if (!sink.wantsMore()) {
              return; // the row groups after this one are never fetched
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
