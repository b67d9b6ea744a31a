package io.swetraces.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.model.Message;
import io.swetraces.template.Template;
import io.swetraces.template.TemplateException;
import io.swetraces.text.Json;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A model's chat template with the special tokens transformers passes to it, rendering a
 * conversation as {@code apply_chat_template(messages, tools=..., tokenize=False,
 * add_generation_prompt=False)} does.
 */
public final class ChatTemplate implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The special tokens transformers gives a template by name. */
  private static final List<String> SPECIAL = List.of("bos_token", "eos_token", "unk_token", "sep_token",
      "pad_token", "cls_token", "mask_token");

  private final Template template;
  private final @Nullable Template toolUse;
  private final Map<String, String> specialTokens;

  private ChatTemplate(Template template, @Nullable Template toolUse, Map<String, String> specialTokens) {
    this.template = template;
    this.toolUse = toolUse;
    this.specialTokens = specialTokens;
  }

  /**
   * The template of a {@code tokenizer_config.json}, or {@code override} (a {@code chat_template.jinja}
   * or {@code --chatTemplate} file) when given, with the config's special tokens (strings or
   * added-token objects). A config may name several templates; {@code tool_use} renders
   * conversations with tools when it has one, as transformers chooses.
   */
  public static ChatTemplate of(String tokenizerConfig, @Nullable String override) throws IOException {
    JsonNode config = Json.parse(tokenizerConfig);
    Map<String, String> special = new HashMap<>();
    for (String name : SPECIAL) {
      JsonNode token = config.path(name);
      String content = token.isTextual() ? token.asText() : token.path("content").isTextual()
          ? token.path("content").asText() : null;
      if (content != null) {
        special.put(name, content);
      }
    }
    if (override != null) {
      return new ChatTemplate(parse(override), null, special);
    }
    JsonNode chat = config.path("chat_template");
    if (chat.isTextual()) {
      return new ChatTemplate(parse(chat.asText()), null, special);
    }
    Map<String, String> named = new HashMap<>();
    for (JsonNode entry : chat) {
      named.put(entry.path("name").asText(), entry.path("template").asText());
    }
    if (!named.containsKey("default")) {
      throw new IOException("the tokenizer config has no chat template; give one with --chatTemplate");
    }
    return new ChatTemplate(parse(named.get("default")),
        named.containsKey("tool_use") ? parse(named.get("tool_use")) : null, special);
  }

  private static Template parse(String source) throws IOException {
    try {
      return Template.parse(source);
    } catch (TemplateException e) {
      throw new IOException("the chat template does not parse: " + e.getMessage(), e);
    }
  }

  /** The training text of a conversation: its messages and tools (none: {@code tools=None}) rendered. */
  public String render(List<Message> messages, List<String> tools) {
    return prepare(messages, tools).render();
  }

  /** A conversation made ready to render, as it is or with one message replaced. */
  public Rendering prepare(List<Message> messages, List<String> tools) {
    return new Rendering(ChatFormat.messages(messages), tools.isEmpty() ? null : ChatFormat.tools(tools));
  }

  /** A conversation in the form the template takes, converted once for every rendering of it. */
  public final class Rendering {
    private final List<Map<String, Object>> messages;
    private final @Nullable List<Map<String, Object>> tools;

    private Rendering(List<Map<String, Object>> messages, @Nullable List<Map<String, Object>> tools) {
      this.messages = messages;
      this.tools = tools;
    }

    public String render() {
      return render(messages);
    }

    /** The rendering with message {@code i} in place of the conversation's own. */
    public String renderReplacing(int i, Message message) {
      List<Map<String, Object>> replaced = new ArrayList<>(messages);
      replaced.set(i, ChatFormat.message(message));
      return render(replaced);
    }

    private String render(List<Map<String, Object>> messages) {
      Map<String, Object> context = new HashMap<>(specialTokens);
      context.put("messages", messages);
      context.put("tools", tools);
      context.put("add_generation_prompt", false);
      return (tools == null || toolUse == null ? template : toolUse).render(context);
    }
  }
}
