package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.stats.RunSummary;
import io.swetraces.text.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --overBudget=SHORTEN} keeps examples a budget would drop by cutting their tool outputs,
 * never their assistant turns, and every kept example fits. The bundled sample and the planted rows
 * at a 20,000-token budget, every other stage only flagging.
 */
public class ShortenTest {
  private static final String[] LAX = {"--decontaminate=flag", "--deduplicate=flag", "--toolCalls=flag",
      "--requireResolved=false", "--maxSftTokens=20000"};

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private RunSummary run(Path out, String mode) throws Exception {
    List<String> args = new ArrayList<>(List.of(LAX));
    args.add("--overBudget=" + mode);
    return Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl") + "," + Runs.SAMPLE.resolve("planted-curation.jsonl"),
        out, args.toArray(new String[0]));
  }

  private static Map<String, List<String>> assistantTurns(Path out) throws Exception {
    Map<String, List<String>> turns = new HashMap<>();
    for (String line : Runs.lines(out, "sft")) {
      JsonNode r = Json.parse(line);
      List<String> assistant = new ArrayList<>();
      r.get("messages").forEach(m -> {
        if (m.get("role").asText().equals("assistant")) {
          assistant.add(m.toString());
        }
      });
      turns.put(r.get("trajectory_id").asText(), assistant);
    }
    return turns;
  }

  @Test
  public void shorteningKeepsWhatDroppingLosesAndNeverCutsAnAssistantTurn() throws Exception {
    Path dropped = tmp.newFolder("drop").toPath();
    Path shortened = tmp.newFolder("shorten").toPath();
    RunSummary drop = run(dropped, "DROP");
    RunSummary shorten = run(shortened, "SHORTEN");

    // 15 of 24 are over 20,000 tokens; cut, 14 fit. The last one's assistant turns alone are over.
    assertEquals(9, drop.counts().sftKept());
    assertEquals(15L, (long) drop.counts().sftDropped().get("over_token_budget"));
    assertEquals(23, shorten.counts().sftKept());
    assertEquals(1L, (long) shorten.counts().sftDropped().get("over_token_budget"));
    assertEquals(14L, (long) shorten.integrity().get("shortened"));
    assertEquals(124_198L, (long) shorten.integrity().get("shortened:tokens_cut"));

    Path unlimited = tmp.newFolder("unlimited").toPath();
    Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl") + "," + Runs.SAMPLE.resolve("planted-curation.jsonl"), unlimited,
        "--decontaminate=flag", "--deduplicate=flag", "--toolCalls=flag", "--requireResolved=false",
        "--maxSftTokens=100000000");
    for (String line : Runs.lines(shortened, "sft")) {
      JsonNode r = Json.parse(line);
      assertTrue(r.get("sft_tokens").asLong() <= 20_000);
    }
    // Every example shortening keeps holds the assistant turns it had whole (as analysed without a budget).
    Map<String, List<String>> cut = assistantTurns(shortened);
    Map<String, List<String>> all = assistantTurns(unlimited);
    assertEquals(23, cut.size());
    cut.forEach((id, turns) -> assertEquals(id, all.get(id), turns));
  }
}
