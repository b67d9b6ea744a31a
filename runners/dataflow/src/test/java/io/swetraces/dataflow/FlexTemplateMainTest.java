package io.swetraces.dataflow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class FlexTemplateMainTest {
  @Test
  public void templateRunsNeedAnOutput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FlexTemplateMain.launch("--input=in.jsonl"));
    assertEquals("--output is required on Dataflow (a gs:// path)", e.getMessage());
  }
}
