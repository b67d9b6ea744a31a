package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import org.junit.Test;

/** Hand-written LLM-completion logs in the shape OpenHands writes them. */
public class OpenHandsLlmLogTest {
  private static final OpenHandsLlmLog FORMAT = new OpenHandsLlmLog();
  private static final String RUN = "evaluation/python/verified/20250101_OpenHands_gpt-4o";

  private static final String LOG =
      """
      {"messages": [{"role": "system", "content": "text rendering, not kept"}],
       "fncall_messages": [
         {"role": "system", "content": "You are OpenHands agent."},
         {"role": "user", "content": "I've uploaded a python code repository in /workspace/owner__name."},
         {"role": "assistant", "content": null, "cache_control": {"type": "ephemeral"},
          "tool_calls": [{"id": "toolu_01", "type": "function",
                          "function": {"name": "execute_bash", "arguments": "{\\"command\\": \\"ls\\"}"}}]},
         {"role": "tool", "content": [{"type": "text", "text": "README.md"}],
          "tool_call_id": "toolu_01", "name": "execute_bash"}],
       "fncall_response": {"choices": [{"index": 0, "message": {
         "content": "Done.", "role": "assistant", "function_call": null,
         "tool_calls": [{"index": 1, "function": {"arguments": "{}", "name": "finish"},
                         "id": "toolu_02", "type": "function"}]}}]},
       "args": [], "kwargs": {}, "timestamp": 1743405160.9, "cost": 0.1}
      """;

  @Test
  public void matchesByItsFncallMessages() throws Exception {
    assertTrue(FORMAT.matches(Json.parse("{\"fncall_messages\": []}")));
    assertTrue(FORMAT.matches(Json.parse(LOG)));
  }

  @Test
  public void doesNotMatchOtherShapes() throws Exception {
    assertFalse(FORMAT.matches(Json.parse("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
        + "\"instance_id\": \"owner__name-1\"}")));
    assertFalse(FORMAT.matches(Json.parse("{\"history\": [], \"info\": {}}")));
    assertFalse(FORMAT.matches(Json.parse("{\"history\": [], \"instruction\": \"x\"}")));
    assertFalse(FORMAT.matches(Json.parse("{\"fncall_messages\": \"x\"}")));
    assertFalse(FORMAT.matches(Json.parse("[{\"fncall_messages\": []}]")));
  }

  @Test
  public void keepsTheToolCallConversationAndAddsTheFinalAnswer() throws Exception {
    JsonNode row = FORMAT.toRow(Json.parse(LOG), RUN + "/trajs/owner__name-12/gpt-4o-1743405160.9238958.json");
    assertEquals(Json.parse("""
        {"instance_id": "owner__name-12", "repo": "owner/name", "license": null, "language": "python",
         "messages": [
           {"role": "system", "content": "You are OpenHands agent."},
           {"role": "user", "content": "I've uploaded a python code repository in /workspace/owner__name."},
           {"role": "assistant", "content": null,
            "tool_calls": [{"id": "toolu_01", "type": "function",
                            "function": {"name": "execute_bash", "arguments": "{\\"command\\": \\"ls\\"}"}}]},
           {"role": "tool", "content": [{"type": "text", "text": "README.md"}],
            "tool_call_id": "toolu_01", "name": "execute_bash"},
           {"role": "assistant", "content": "Done.",
            "tool_calls": [{"id": "toolu_02", "type": "function", "function": {"name": "finish", "arguments": "{}"}}]}],
         "tools": [], "resolved": -1,
         "metadata": {"category": null, "teacher_model": {"name": "gpt-4o"}, "reference_patch": null,
                      "model_patch": null},
         "model_patch": null, "hf_dataset_name": "princeton-nlp/SWE-bench_Verified",
         "_agent": "openhands", "_model": "gpt_4o"}
        """), row);
  }

  @Test
  public void theTreeGivesTheLanguageThePromptDoesNotSay() throws Exception {
    JsonNode row = FORMAT.toRow(
        Json.parse("{\"fncall_messages\": [{\"role\": \"user\", \"content\": \"Fix it.\"}]}"),
        "evaluation/java/verified/20250101_OpenHands_gpt-4o/trajs/owner__name-3/gpt-4o-1743405160.json");
    assertEquals("java", row.get("language").textValue());
    assertTrue(row.get("hf_dataset_name").isNull());
    assertEquals(1, row.get("messages").size());
  }

  @Test
  public void theFileNamesTheModelWhenTheRunFolderDoesNot() throws Exception {
    JsonNode row = FORMAT.toRow(
        Json.parse("{\"fncall_messages\": []}"), "my-runs/trajs/owner__name-3/claude-3-opus-1743405160.12.json");
    assertEquals("owner__name-3", row.get("instance_id").textValue());
    assertEquals("claude-3-opus", row.at("/metadata/teacher_model/name").textValue());
    assertTrue(row.get("language").isNull());
  }

  @Test
  public void aFileNotNamedAfterItsModelIsNamedAfterItsInstance() throws Exception {
    JsonNode row = FORMAT.toRow(
        Json.parse("{\"fncall_messages\": []}"), "20250101_OpenHands_gpt-4o/trajs/owner__name-3.traj");
    assertEquals("owner__name-3", row.get("instance_id").textValue());
    assertEquals("gpt-4o", row.at("/metadata/teacher_model/name").textValue());
  }

  @Test
  public void aMessageThatIsNotAnObjectIsAWrongType() throws Exception {
    try {
      FORMAT.toRow(Json.parse("{\"fncall_messages\": [\"hello\"]}"), RUN + "/trajs/a__b-1/gpt-4o-1743405160.json");
      fail("no exception");
    } catch (BadRowException e) {
      assertEquals("wrong_type", e.reason());
    }
  }
}
