package io.swetraces.transforms;

import io.swetraces.model.RawRow;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class NormalizeTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void normalizesRealRowsAndRejectsBadOnes() {
    PCollection<RawRow> rows =
        p.apply(Create.of(
            TestData.raw(0),
            TestData.raw(14),
            RawRow.of("bad.jsonl", 0, "{\"messages\": [{\"role\": \"user\""),
            RawRow.of("bad.jsonl", 1, "{\"messages\": [{\"role\": \"user\", \"content\": 3}]}"),
            RawRow.of("bad.jsonl", 2, "\"just a string\"")));
    WithRejects<Trajectory> out = rows.apply(Normalize.rows());

    PAssert.that(out.output().apply("Show", MapElements.into(TypeDescriptors.strings())
            .via(t -> t.getInstanceId() + " " + t.getAgent() + "/" + t.getModel() + " "
                + t.getMessages().size() + " " + t.roleCount("system") + "/" + t.roleCount("user") + "/"
                + t.roleCount("assistant") + "/" + t.roleCount("tool"))))
        .containsInAnyOrder(
            "6e44b9__sweagenttestrepo-1c2844 sweagent/gpt_4o 10 1/1/4/4",
            "ponylang__ponyc-4595 openhands/llama_4_maverick 47 1/1/23/22");
    PAssert.that(out.rejects().apply("ShowRejects", MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.getSource() + ":" + r.getPosition() + " " + r.getStage() + " " + r.getReason())))
        .containsInAnyOrder(
            "bad.jsonl:0 normalize malformed_json",
            "bad.jsonl:1 normalize wrong_type",
            "bad.jsonl:2 normalize not_an_object");
    p.run().waitUntilFinish();
  }

  @Test
  public void flagsOverrideTags() {
    PCollection<Trajectory> out =
        p.apply(Create.of(TestData.raw(0))).apply(Normalize.rows().withAgent("a").withModel("m")).output();
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings()).via(t -> t.getAgent() + "/" + t.getModel())))
        .containsInAnyOrder("a/m");
    p.run().waitUntilFinish();
  }
}
