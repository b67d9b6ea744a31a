package io.swetraces.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.hub.SourceUnavailableException;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet with nested {@code list<struct>} columns, as Hugging Face datasets are published. Each
 * row's index is a resume position; a row group is fetched only once its first row to read is
 * reached, and a new cursor inside a row group passes the rows before it without building them.
 */
public final class ParquetFormat implements TraceFormat {
  @Override
  public String name() {
    return "Parquet";
  }

  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".parquet");
  }

  @Override
  public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws IOException {
    ParquetFileReader reader;
    try {
      reader = ParquetFileReader.open(new BeamInputFile(file));
    } catch (IOException | RuntimeException e) {
      SourceUnavailableException.rethrowIfUnavailable(e);
      return new FileReject(from, "unreadable_parquet", "not a readable Parquet file: " + e.getMessage());
    }
    if (reader.getRecordCount() == 0) {
      reader.close();
      return new FileReject(from, "empty_file", "the file holds no rows");
    }
    return new Cursor(reader, from, maxRowBytes);
  }

  private static final class Cursor implements TraceCursor {
    private final ParquetFileReader reader;
    private final MessageColumnIO columns;
    private final ParquetTrees trees;
    private final List<BlockMetaData> groups;
    private final long total;
    private long row;
    private int group = -1;
    private long groupEnd;
    private RecordReader<ObjectNode> records;
    private boolean ended;

    Cursor(ParquetFileReader reader, long from, long maxRowBytes) {
      this.reader = reader;
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      this.columns = new ColumnIOFactory().getColumnIO(schema);
      this.trees = new ParquetTrees(schema, maxRowBytes);
      this.groups = reader.getRowGroups();
      this.total = reader.getRecordCount();
      this.row = from;
    }

    @Override
    public long position() {
      return row;
    }

    @Override
    public long nextRow() {
      return row;
    }

    @Override
    public boolean next(RowSink sink) throws IOException {
      if (ended || row >= total) {
        return false;
      }
      ObjectNode record;
      try {
        if (records == null || row >= groupEnd) {
          enterGroupOf(row);
        }
        record = records.read();
      } catch (IOException | RuntimeException e) {
        SourceUnavailableException.rethrowIfUnavailable(e);
        ended = true;
        sink.reject(row, "truncated_file",
            "reading stopped at row " + row + " of " + total + ": " + e, "");
        return true;
      }
      long at = row++;
      if (trees.invalidColumn() != null) {
        sink.reject(at, "invalid_utf8", "column `" + trees.invalidColumn() + "` is not valid UTF-8", "");
      } else {
        sink.tree(at, record, trees.bytes());
      }
      return true;
    }

    /** Fetches the row group holding row {@code at} and passes the rows before it. */
    private void enterGroupOf(long at) throws IOException {
      long start = groupEnd;
      while (at >= groupEnd) {
        start = groupEnd;
        groupEnd += groups.get(++group).getRowCount();
      }
      records = columns.getRecordReader(reader.readRowGroup(group), trees);
      trees.skipping(true);
      for (long r = start; r < at; r++) {
        records.read();
      }
      trees.skipping(false);
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
