package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** The launcher's production defaults for the DirectRunner (the runner on this module's classpath). */
public class MainTest {
  @Test
  public void addsTheDirectRunnerDefaultsUnlessGiven() {
    String cores = String.valueOf(Runtime.getRuntime().availableProcessors());
    assertEquals(
        List.of("--input=x", "--enforceImmutability=true", "--enforceEncodability=false",
            "--targetParallelism=" + cores),
        List.of(Main.withRunDefaults(new String[] {"--input=x", "--enforceImmutability=true"})));
    assertEquals(
        List.of("--targetParallelism=5", "--enforceImmutability=false", "--enforceEncodability=false"),
        List.of(Main.withRunDefaults(new String[] {"--targetParallelism=5"})));
  }
}
