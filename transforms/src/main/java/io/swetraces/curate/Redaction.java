package io.swetraces.curate;

import io.swetraces.model.Message;
import io.swetraces.model.Reject;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Redacts the secrets of a whole trajectory: every message's text, reasoning and tool-call
 * arguments, the tool definitions, the metadata and both patches. A trajectory without secrets
 * comes back as the same object.
 */
public final class Redaction implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SecretScanner scanner = new SecretScanner();

  /** The trajectory with its secrets replaced, counted per rule in {@code secrets_redacted}. */
  public Trajectory redact(Trajectory t) {
    Map<String, Integer> counts = new TreeMap<>();
    List<Message> messages = new ArrayList<>(t.getMessages().size());
    boolean changed = false;
    for (Message m : t.getMessages()) {
      Message r = redact(m, counts);
      changed |= r != m;
      messages.add(r);
    }
    List<String> tools = new ArrayList<>(t.getTools().size());
    for (String tool : t.getTools()) {
      tools.add(text(tool, counts));
    }
    String metadata = text(t.getMetadataJson(), counts);
    String patch = nullable(t.getModelPatch(), counts);
    String reference = nullable(t.getReferencePatch(), counts);
    if (counts.isEmpty()) {
      return t;
    }
    return t.toBuilder()
        .setMessages(changed ? messages : t.getMessages())
        .setTools(tools)
        .setMetadataJson(metadata)
        .setModelPatch(patch)
        .setReferencePatch(reference)
        .setSecretsRedacted(counts)
        .build();
  }

  /** A reject with the secrets of its detail and excerpt (the row as read) replaced. */
  public Reject redact(Reject r) {
    Map<String, Integer> counts = new TreeMap<>();
    String detail = text(r.getDetail(), counts);
    String excerpt = text(r.getExcerpt(), counts);
    return counts.isEmpty() ? r
        : Reject.of(r.getSource(), r.getPosition(), r.getStage(), r.getReason(), detail, excerpt);
  }

  /** The message with its secrets replaced; the same object when it has none (texts come back as they were). */
  private Message redact(Message m, Map<String, Integer> counts) {
    String content = text(m.getContent(), counts);
    String reasoning = nullable(m.getReasoningContent(), counts);
    boolean changed = content != m.getContent() || reasoning != m.getReasoningContent();
    List<ToolCall> calls = new ArrayList<>(m.getToolCalls().size());
    for (ToolCall c : m.getToolCalls()) {
      String args = text(c.getArguments(), counts);
      changed |= args != c.getArguments();
      calls.add(args == c.getArguments() ? c : ToolCall.of(c.getId(), c.getType(), c.getName(), args));
    }
    if (!changed) {
      return m;
    }
    return Message.builder().setRole(m.getRole()).setContent(content).setReasoningContent(reasoning)
        .setToolCalls(calls).setToolCallId(m.getToolCallId()).setName(m.getName()).build();
  }

  private String text(String s, Map<String, Integer> counts) {
    SecretScanner.Redacted r = scanner.redact(s);
    r.counts().forEach((rule, n) -> counts.merge(rule, n, Integer::sum));
    return r.text();
  }

  private @Nullable String nullable(@Nullable String s, Map<String, Integer> counts) {
    return s == null ? null : text(s, counts);
  }
}
