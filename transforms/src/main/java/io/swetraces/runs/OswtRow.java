package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.AgentModelTags;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Builds one Open-SWE-Traces row from what a raw format knows, filling the rest by the rules every
 * conversion shares: the repository from the instance id, the language from the task prompt, the
 * patch figures from the patch, {@code resolved} -1 unless the record has its own label.
 */
public final class OswtRow {
  /** User turns searched for the task prompt. */
  private static final int PROMPT_TURNS = 2;
  private static final Pattern UPLOADED = Pattern.compile("uploaded a (\\S+) code repository");
  /** {@code owner__name-123}; SWE-smith's {@code owner__name.<hash8>.<kind>}. */
  private static final Pattern INSTANCE_REPO =
      Pattern.compile("^([A-Za-z0-9_.-]+?)__([A-Za-z0-9_-]+?)(?:\\.[0-9a-f]{8}\\..*|-\\d+(?:_\\d+)?)$");

  private static final Pattern DIFF_FILE = Pattern.compile("(?m)^diff --git a/\\S*?\\.([A-Za-z0-9+]+) ");
  /** Open-SWE-Traces' language spellings by file extension. */
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("py", "python"), Map.entry("java", "java"), Map.entry("go", "go"),
      Map.entry("rs", "rust"), Map.entry("ts", "ts"), Map.entry("tsx", "ts"),
      Map.entry("js", "js"), Map.entry("jsx", "js"), Map.entry("c", "c"),
      Map.entry("h", "c"), Map.entry("cpp", "cpp"), Map.entry("cc", "cpp"),
      Map.entry("hpp", "cpp"), Map.entry("php", "php"));

  private static final Pattern OPENHANDS_TOOL =
      Pattern.compile("(?:^|\"name\"\\s*:\\s*\")(execute_bash|str_replace_editor)(?:\"|$)");

  private final ObjectNode row = Json.MAPPER.createObjectNode();
  private final ArrayNode messages = Json.MAPPER.createArrayNode();
  private final ArrayNode tools = Json.MAPPER.createArrayNode();
  private @Nullable String instanceId;
  private @Nullable String repo;
  private @Nullable String language;
  private @Nullable String defaultLanguage;
  private int resolved = -1;
  private @Nullable String teacher;
  private @Nullable String patch;
  private @Nullable String hfDataset;
  private @Nullable String model;
  private final String agent;

  private OswtRow(String agent) {
    this.agent = agent;
  }

  public static OswtRow of(String agent) {
    return new OswtRow(agent);
  }

  /**
   * A Hugging Face dataset's row, which names its own instance, bool label, model and patch (the
   * fields as the dataset calls them); its tasks are Python repositories unless the prompt says otherwise.
   */
  static OswtRow ofDatasetRow(String agent, String dataset, JsonNode record, String label, String model,
      @Nullable String patch) throws BadRowException {
    return of(agent)
        .instanceId(RecordFields.text(record.get("instance_id"), "instance_id"))
        .defaultLanguage("python")
        .resolved(RecordFields.label(record.get(label), label))
        .teacher(RecordFields.text(record.get(model), model))
        .patch(patch == null ? null : RecordFields.text(record.get(patch), patch))
        .hfDataset(dataset);
  }

  public OswtRow instanceId(@Nullable String id) {
    this.instanceId = id;
    return this;
  }

  /** The repository as the record states it; by default it is read from the instance id. */
  public OswtRow repo(@Nullable String repo) {
    this.repo = repo;
    return this;
  }

  /** The language when the prompt does not say it (the benchmark's). */
  public OswtRow defaultLanguage(@Nullable String language) {
    this.defaultLanguage = language;
    return this;
  }

  public OswtRow resolved(int resolved) {
    this.resolved = resolved;
    return this;
  }

  /** The run's model as the harness names it, kept as {@code metadata.teacher_model.name}. */
  public OswtRow teacher(@Nullable String teacher) {
    this.teacher = teacher;
    return this;
  }

  /** The short model tag, by default the slug of the teacher's name. */
  public OswtRow model(@Nullable String model) {
    this.model = model;
    return this;
  }

  /** The final patch: "" for a run that ended with none, null when the record does not say. */
  public OswtRow patch(@Nullable String patch) {
    this.patch = patch;
    return this;
  }

  public OswtRow hfDataset(@Nullable String name) {
    this.hfDataset = name;
    return this;
  }

  /**
   * Fills what the run's place and its instance say, where the record did not: the language of an
   * {@code evaluation/<language>/…} tree or of the benchmark, the Hugging Face dataset of an SWE-bench
   * instance.
   */
  public OswtRow benchmarkFacts(String path) {
    String dataset = Benchmarks.datasetOf(instanceId);
    if (dataset == null) {
      dataset = Benchmarks.datasetOfRunData(RunPaths.dataOfRun(RunPaths.runOf(path, instanceId)));
    }
    if (dataset == null) {
      dataset = RunPaths.benchmarkOfTree(path);
    }
    if (hfDataset == null) {
      hfDataset = dataset;
    }
    if (defaultLanguage == null) {
      String tree = RunPaths.languageOfTree(path);
      defaultLanguage = tree != null ? tree : Benchmarks.languageOfDataset(dataset);
    }
    return this;
  }

  /** Adds a message object, which the builder now owns. */
  public OswtRow message(ObjectNode message) {
    messages.add(message);
    return this;
  }

  /** Adds a message of a role with string content. */
  public OswtRow message(String role, @Nullable String content) {
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("role", role);
    m.put("content", content);
    return message(m);
  }

  /**
   * Adds a tool definition object; the row stores it as a JSON string written as Open-SWE-Traces
   * writes it (Python's {@code json.dumps}).
   */
  public OswtRow tool(JsonNode definition) {
    tools.add(definition.isTextual() ? definition.textValue() : PyJson.write(definition));
    return this;
  }

  public ArrayNode messages() {
    return messages;
  }

  public ObjectNode build() {
    row.put("instance_id", instanceId);
    row.put("repo", repo != null ? repo : repoOf(instanceId));
    row.putNull("license");
    String stated = languageOf(messages);
    row.put("language", stated != null ? stated : defaultLanguage != null ? defaultLanguage : patchLanguage(patch));
    row.set("messages", messages);
    row.set("tools", tools);
    row.put("resolved", resolved);
    ObjectNode metadata = row.putObject("metadata");
    metadata.putNull("category");
    metadata.putObject("teacher_model").put("name", teacher);
    metadata.putNull("reference_patch");
    if (patch == null) {
      metadata.putNull("model_patch");
    } else {
      ObjectNode figures = metadata.putObject("model_patch");
      figures.put("patch", patch);
      figures.put("num_modified_files", modifiedFiles(patch));
      figures.put("num_modified_lines", modifiedLines(patch));
    }
    row.put("model_patch", patch);
    row.put("hf_dataset_name", hfDataset);
    row.put("_agent", agent);
    row.put("_model", model != null ? model : teacher != null ? AgentModelTags.slug(teacher) : AgentModelTags.UNKNOWN);
    return row;
  }

  /**
   * Fills in, in place, what an Open-SWE-Traces row leaves out but its content states: a missing
   * {@code language} from the task prompt; a missing {@code _agent}, unless the file already tells
   * it, from OpenHands' own tool names. Returns the row.
   */
  public static ObjectNode complete(ObjectNode row, boolean agentKnown) {
    if (!present(row.get("language"))) {
      JsonNode messages = row.has("messages") ? row.get("messages") : row.get("trajectory");
      String stated = messages != null && messages.isArray() ? languageOf(messages) : null;
      if (stated != null) {
        row.put("language", stated);
      }
    }
    if (!agentKnown && !present(row.get("_agent")) && usesOpenHandsTools(row.get("tools"))) {
      row.put("_agent", "openhands");
    }
    return row;
  }

  /** Whether the row defines OpenHands' shell or editor tool ({@code execute_bash}, {@code str_replace_editor}). */
  private static boolean usesOpenHandsTools(@Nullable JsonNode tools) {
    if (tools == null || !tools.isArray()) {
      return false;
    }
    for (JsonNode tool : tools) {
      String text = tool.isTextual() ? tool.textValue()
          : tool.path("function").path("name").asText(tool.path("name").asText(""));
      if ((text.contains("execute_bash") || text.contains("str_replace_editor")) && OPENHANDS_TOOL.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(@Nullable JsonNode node) {
    return node != null && !node.isNull() && !(node.isTextual() && node.textValue().isEmpty());
  }

  /** {@code owner/name} from {@code owner__name-123} or SWE-smith's {@code owner__name.<hash>.…}. */
  public static @Nullable String repoOf(@Nullable String instanceId) {
    if (instanceId == null) {
      return null;
    }
    Matcher m = INSTANCE_REPO.matcher(instanceId);
    return m.matches() ? m.group(1) + "/" + m.group(2) : null;
  }

  /** The language the task prompt states ("I've uploaded a python code repository"), lower-cased. */
  static @Nullable String languageOf(JsonNode messages) {
    int users = 0;
    for (JsonNode m : messages) {
      JsonNode content = m.get("content");
      if (!"user".equals(m.path("role").asText())) {
        continue;
      }
      // The task is among the first user turns (after a demonstration at most); the rest are tool outputs.
      if (++users > PROMPT_TURNS) {
        return null;
      }
      if (content != null && content.isTextual()) {
        Matcher found = UPLOADED.matcher(content.textValue());
        if (found.find()) {
          return found.group(1).toLowerCase(Locale.ROOT);
        }
      }
    }
    return null;
  }

  /** The language of the files a patch changes, by the most frequent extension; null when none is known. */
  static @Nullable String patchLanguage(@Nullable String patch) {
    if (patch == null) {
      return null;
    }
    Map<String, Integer> votes = new HashMap<>();
    Matcher header = DIFF_FILE.matcher(patch);
    while (header.find()) {
      String language = EXTENSIONS.get(header.group(1).toLowerCase(Locale.ROOT));
      if (language != null) {
        votes.merge(language, 1, Integer::sum);
      }
    }
    return votes.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** {@code diff --git} headers. */
  static int modifiedFiles(String patch) {
    int files = 0;
    for (String line : patch.split("\n", -1)) {
      if (line.startsWith("diff --git ")) {
        files++;
      }
    }
    return files;
  }

  /** Added plus deleted lines, file headers excluded. */
  static int modifiedLines(String patch) {
    int lines = 0;
    for (String line : patch.split("\n", -1)) {
      if ((line.startsWith("+") && !line.startsWith("+++")) || (line.startsWith("-") && !line.startsWith("---"))) {
        lines++;
      }
    }
    return lines;
  }
}
