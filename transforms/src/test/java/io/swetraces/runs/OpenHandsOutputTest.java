package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import org.junit.Test;

/** Hand-written {@code output.jsonl} records in the shape OpenHands' evaluation writes them. */
public class OpenHandsOutputTest {
  private static final OpenHandsOutput FORMAT = new OpenHandsOutput();
  private static final String PATH = "evaluation/benchmarks/swe_bench/output.jsonl";

  /** A response that issues two calls, as each of its two actions repeats it. */
  private static final String TWO_CALLS =
      """
      {"id": "resp-1", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Look twice.",
        "function_call": null, "tool_calls": [
          {"index": 0, "id": "call_1", "type": "function",
           "function": {"name": "execute_bash", "arguments": "{\\"command\\": \\"ls\\"}"}},
          {"index": 1, "id": "call_2", "type": "function",
           "function": {"name": "execute_bash", "arguments": "{\\"command\\": \\"pwd\\"}"}}]}}]}
      """;

  private static final String RECORD =
      """
      {"instance_id": "owner__name-7", "instruction": "I've uploaded a Rust code repository.",
       "instance": {"repo": "mswebench/owner_m_name", "instance_id": "owner__name-7"},
       "metadata": {"agent_class": "CodeActAgent", "llm_config": {"model": "openai/gpt-4o", "api_key": "**"}},
       "history": [
         {"id": 0, "source": "agent", "action": "system", "message": "You are OpenHands agent.",
          "args": {"content": "You are OpenHands agent.", "agent_class": "CodeActAgent",
                   "tools": [{"type": "function", "function": {"name": "think", "parameters": {"required": []}}}]}},
         {"id": 1, "source": "user", "action": "message", "message": "I've uploaded a Rust code repository.",
          "args": {"content": "I've uploaded a Rust code repository.", "image_urls": null}},
         {"id": 2, "source": "user", "action": "recall", "args": {"query": "I've uploaded"}},
         {"id": 3, "source": "environment", "observation": "recall", "cause": 2, "content": "Added workspace context"},
         {"id": 4, "source": "agent", "action": "run", "args": {"command": "ls"},
          "tool_call_metadata": {"function_name": "execute_bash", "tool_call_id": "call_1",
                                 "model_response": %1$s, "total_calls_in_response": 2}},
         {"id": 5, "source": "agent", "action": "run", "args": {"command": "pwd"},
          "tool_call_metadata": {"function_name": "execute_bash", "tool_call_id": "call_2",
                                 "model_response": %1$s, "total_calls_in_response": 2}},
         {"id": 6, "source": "agent", "observation": "run", "cause": 4, "content": "src",
          "tool_call_metadata": {"function_name": "execute_bash", "tool_call_id": "call_1",
                                 "model_response": %1$s, "total_calls_in_response": 2}},
         {"id": 7, "source": "agent", "observation": "run", "cause": 5, "content": "/workspace",
          "tool_call_metadata": {"function_name": "execute_bash", "tool_call_id": "call_2",
                                 "model_response": %1$s, "total_calls_in_response": 2}},
         {"id": 8, "source": "agent", "observation": "error", "content": "Agent got stuck in a loop"},
         {"id": 9, "source": "agent", "action": "finish", "args": {"final_thought": "Done."},
          "tool_call_metadata": {"function_name": "finish", "tool_call_id": "call_3", "total_calls_in_response": 1,
            "model_response": {"id": "resp-2", "choices": [{"message": {"role": "assistant", "content": null,
              "tool_calls": [{"index": 0, "id": "call_3", "type": "function",
                              "function": {"name": "finish", "arguments": "{}"}}]}}]}}}],
       "metrics": {}, "error": null,
       "test_result": {"git_patch": "diff --git a/x b/x\\n--- a/x\\n+++ b/x\\n@@ -1 +1 @@\\n-a\\n+b\\n"}}
      """
          .formatted(TWO_CALLS);

  @Test
  public void matchesAHistoryBesideTheTask() throws Exception {
    assertTrue(FORMAT.matches(Json.parse("{\"history\": [], \"instruction\": \"x\"}")));
    assertTrue(FORMAT.matches(Json.parse("{\"history\": [], \"test_result\": {}}")));
    assertTrue(FORMAT.matches(Json.parse("{\"history\": [], \"instance\": {}}")));
    assertTrue(FORMAT.matches(Json.parse(RECORD)));
  }

  @Test
  public void doesNotMatchOtherShapes() throws Exception {
    assertFalse(FORMAT.matches(Json.parse("{\"history\": [{\"role\": \"user\"}], \"info\": {\"submission\": \"\"}}")));
    assertFalse(FORMAT.matches(Json.parse("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
        + "\"instance_id\": \"owner__name-1\"}")));
    assertFalse(FORMAT.matches(Json.parse("{\"fncall_messages\": [], \"instruction\": \"x\"}")));
    assertFalse(FORMAT.matches(Json.parse("{\"history\": \"x\", \"instruction\": \"x\"}")));
  }

  @Test
  public void rebuildsTheConversationFromTheEventStream() throws Exception {
    JsonNode row = FORMAT.toRow(Json.parse(RECORD), PATH);
    assertEquals(Json.parse("""
        {"instance_id": "owner__name-7", "repo": "owner/name", "license": null, "language": "rust",
         "messages": [
           {"role": "system", "content": "You are OpenHands agent."},
           {"role": "user", "content": "I've uploaded a Rust code repository."},
           {"role": "assistant", "content": "Look twice.", "tool_calls": [
             {"id": "call_1", "type": "function",
              "function": {"name": "execute_bash", "arguments": "{\\"command\\": \\"ls\\"}"}},
             {"id": "call_2", "type": "function",
              "function": {"name": "execute_bash", "arguments": "{\\"command\\": \\"pwd\\"}"}}]},
           {"role": "tool", "content": "src", "tool_call_id": "call_1", "name": "execute_bash"},
           {"role": "tool", "content": "/workspace", "tool_call_id": "call_2", "name": "execute_bash"},
           {"role": "user", "content": "Agent got stuck in a loop"},
           {"role": "assistant", "content": null, "tool_calls": [
             {"id": "call_3", "type": "function", "function": {"name": "finish", "arguments": "{}"}}]}],
         "tools": ["{\\"type\\": \\"function\\", \\"function\\": \
      {\\"name\\": \\"think\\", \\"parameters\\": {\\"required\\": []}}}"],
         "resolved": -1,
         "metadata": {"category": null, "teacher_model": {"name": "openai/gpt-4o"}, "reference_patch": null,
                      "model_patch": {"patch": "diff --git a/x b/x\\n--- a/x\\n+++ b/x\\n@@ -1 +1 @@\\n-a\\n+b\\n",
                                      "num_modified_files": 1, "num_modified_lines": 2}},
         "model_patch": "diff --git a/x b/x\\n--- a/x\\n+++ b/x\\n@@ -1 +1 @@\\n-a\\n+b\\n",
         "hf_dataset_name": null, "_agent": "openhands", "_model": "gpt_4o"}
        """), row);
  }

  @Test
  public void withoutATestResultThePatchIsUnknown() throws Exception {
    JsonNode row = FORMAT.toRow(Json.parse("{\"instance_id\": \"owner__name-7\", \"instruction\": \"x\", "
        + "\"history\": [{\"id\": 1, \"source\": \"user\", \"action\": \"message\", \"args\": {\"content\": \"x\"}}]}"),
        PATH);
    assertTrue(row.get("model_patch").isNull());
    assertTrue(row.at("/metadata/model_patch").isNull());
    assertTrue(row.get("tools").isEmpty());
    assertEquals(Json.parse("[{\"role\": \"user\", \"content\": \"x\"}]"), row.get("messages"));
  }

  @Test
  public void anAgentMessageWithoutACallIsAnAssistantTurn() throws Exception {
    JsonNode row = FORMAT.toRow(Json.parse("{\"instance_id\": \"owner__name-7\", \"test_result\": {}, \"history\": "
        + "[{\"id\": 1, \"source\": \"agent\", \"action\": \"message\", \"args\": {\"content\": \"Why?\"}}]}"),
        PATH);
    assertEquals(Json.parse("[{\"role\": \"assistant\", \"content\": \"Why?\"}]"), row.get("messages"));
  }

  @Test
  public void theTaskNamesTheRepositoryWhenTheIdDoesNot() throws Exception {
    JsonNode row = FORMAT.toRow(
        Json.parse("{\"instance_id\": \"task-7\", \"instance\": {\"repo\": \"owner/name\"}, \"history\": []}"), PATH);
    assertEquals("owner/name", row.get("repo").textValue());
    assertEquals("unknown", row.get("_model").textValue());
  }

  @Test
  public void aHistoryOfNonObjectsIsAWrongType() throws Exception {
    assertWrongType("{\"instruction\": \"x\", \"history\": [1, 2]}");
  }

  @Test
  public void aPatchThatIsNotTextIsAWrongType() throws Exception {
    assertWrongType("{\"instruction\": \"x\", \"history\": [], \"test_result\": {\"git_patch\": 3}}");
  }

  private static void assertWrongType(String record) throws Exception {
    try {
      FORMAT.toRow(Json.parse(record), PATH);
      fail("no exception");
    } catch (BadRowException e) {
      assertEquals("wrong_type", e.reason());
    }
  }
}
