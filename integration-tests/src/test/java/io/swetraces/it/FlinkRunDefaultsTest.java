package io.swetraces.it;

import static org.junit.Assert.assertEquals;

import io.swetraces.pipeline.Main;
import java.util.List;
import org.junit.Test;

/** The launcher's production defaults for Flink, with Flink's runner on the classpath. */
public class FlinkRunDefaultsTest {
  @Test
  public void addsTheFlinkDefaultsUnlessGiven() {
    List<String> args =
        List.of(Main.withRunDefaults(new String[] {"--runner=FlinkRunner", "--objectReuse=false"}));
    assertEquals(List.of("--runner=FlinkRunner", "--objectReuse=false"), args.subList(0, 2));
    assertEquals(
        List.of("--fasterCopy=true", "--useDataStreamForBatch=true"),
        args.stream().filter(a -> a.startsWith("--fasterCopy") || a.startsWith("--useDataStream")).toList());
    assertEquals(1, args.stream().filter(a -> a.startsWith("--objectReuse")).count());
  }
}
