package io.swetraces.inspect;

import io.swetraces.hub.HubOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of {@code swe-traces inspect}. */
public interface InspectOptions extends HubOptions {
  @Description("Input files, as for a run: comma-separated paths or globs, in any supported format.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Show the first row with this instance_id.")
  String getInstance();

  void setInstance(String value);

  @Description("Show the row at this 0-based index, counting rows across the files in path order.")
  @Default.Long(0)
  long getRow();

  void setRow(long value);

  @Description("Console width the walkthrough is wrapped to.")
  @Default.Integer(92)
  int getWidth();

  void setWidth(int value);

  @Description("How many messages the walkthrough shows.")
  @Default.Integer(8)
  int getMessages();

  void setMessages(int value);
}
