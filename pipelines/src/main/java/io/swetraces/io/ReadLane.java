package io.swetraces.io;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** Files one reader reads one after the other, in this order. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ReadLane {
  public abstract List<TraceInput> getFiles();

  public static ReadLane of(List<TraceInput> files) {
    return new AutoValue_ReadLane(List.copyOf(files));
  }
}
