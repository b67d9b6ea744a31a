package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.swetraces.model.LabelSource;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.BadRowException;
import io.swetraces.parse.TrajectoryParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Each value read is told by its content: a trajectory of some format, labels, or no trajectory at all. */
public class RunRecordsTest {
  private final List<String> seen = new ArrayList<>();
  private final RunRecords.Sink sink = new RunRecords.Sink() {
    @Override
    public void trajectory(Trajectory t) {
      seen.add("trajectory " + t.getAgent() + " " + t.getInstanceId() + " run=" + t.getRun() + " "
          + t.getLabelSource());
    }

    @Override
    public void labels(List<RunLabel> labels) {
      labels.forEach(l -> seen.add("label " + l.getInstanceId() + " " + l.getSource() + " " + l.getResolved()));
    }

    @Override
    public void notATrajectory() {
      seen.add("not a trajectory");
    }
  };

  private void read(RunRecords records, String path, String json) throws BadRowException {
    records.read(path, 0, json, null, null, sink);
  }

  @Test
  public void eachValueByItsContent() throws Exception {
    RunRecords records = RunRecords.detecting(new TrajectoryParser(null, null));
    read(records, "r/trajs/a__b-1.traj", "{\"history\": [], \"info\": {\"submission\": \"\"}}");
    read(records, "rows.jsonl", "{\"instance_id\": \"c\", \"messages\": [], \"resolved\": 1, \"_agent\": \"openhands\"}");
    read(records, "r/logs/a__b-1/report.json", "{\"resolved\": true, \"tests_status\": {}}");
    read(records, "r/index.json", "{\"a__b-1\": {\"repo\": \"a/b\"}}");
    assertEquals(List.of(
        "trajectory sweagent a__b-1 run=r none",
        "trajectory openhands c run=null " + LabelSource.ROW,
        "label a__b-1 instance_report 1",
        "not a trajectory"), seen);
  }

  @Test
  public void whatLooksLikeARowButNoReaderTakesIsRejectedNamingWhatWasTried() {
    RunRecords records = RunRecords.detecting(new TrajectoryParser(null, null));
    BadRowException e = assertThrows(BadRowException.class, () -> read(records, "x.json", "{\"instance_id\": \"x\"}"));
    assertEquals("missing_messages", e.reason());
    assertEquals(true, e.getMessage().contains("sweagent_traj"));
    assertEquals("not_an_object",
        assertThrows(BadRowException.class, () -> read(records, "x.json", "[1]")).reason());
  }

  @Test
  public void aForcedFormatReadsEveryValueAsItself() throws Exception {
    read(RunRecords.forcing(new TrajectoryParser(null, null), "nebius_row"), "n.json",
        "{\"instance_id\": \"o__p-1\", \"trajectory\": [{\"role\": \"ai\", \"text\": \"hi\"}]}");
    read(RunRecords.forcing(new TrajectoryParser(null, null), "nebius_row"), "r/results.json", "{\"resolved\": [\"a\"]}");
    assertEquals(List.of("trajectory sweagent o__p-1 run=null none", "label a run_results 1"), seen);
    assertThrows(IllegalArgumentException.class, () -> RunRecords.forcing(new TrajectoryParser(null, null), "csv"));
  }
}
