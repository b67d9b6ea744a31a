package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class LimitPerComboTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static Trajectory t(String file, long pos, String agent, String model) {
    return Trajectory.builder().setSource(file).setPosition(pos).setAgent(agent).setModel(model)
        .setInstanceId(file + "#" + pos).setMessages(List.of()).build();
  }

  @Test
  public void keepsTheFirstRowsOfEachPairByFileThenPosition() {
    List<Trajectory> rows =
        List.of(
            t("b.jsonl", 0, "openhands", "m1"),
            t("a.jsonl", 10, "openhands", "m1"),
            t("a.jsonl", 9, "openhands", "m1"),
            t("a.jsonl", 2, "sweagent", "m1"),
            t("a.jsonl", 100, "openhands", "m2"));
    PAssert.that(p.apply(Create.of(rows)).apply(LimitPerCombo.first(2))
            .apply(MapElements.into(TypeDescriptors.strings()).via(Trajectory::getInstanceId)))
        .containsInAnyOrder("a.jsonl#9", "a.jsonl#10", "a.jsonl#2", "a.jsonl#100");
    p.run().waitUntilFinish();
  }
}
