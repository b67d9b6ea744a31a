package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.stats.RunSummary;
import io.swetraces.text.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * With {@code --tokenizer}, every SFT record's {@code text} is the model's chat template rendering
 * of the record's own messages and tools, and {@code sft_tokens} that text's count: the goldens
 * come from {@code @huggingface/jinja} and {@code @lenml/tokenizers} (transformers.js), and Python's
 * jinja2 renders the same texts. The bundled sample and the planted rows, all 24 kept.
 */
public class StudentModelTest {
  private static final Path TOKENIZERS = Path.of(System.getProperty("swetraces.tokenizers",
      Path.of("..", "..", "shared", "data", "tokenizers").toString()));
  private static final String[] EVERY_ROW_KEPT = {"--decontaminate=flag", "--deduplicate=flag", "--toolCalls=flag",
      "--requireResolved=false", "--maxSftTokens=100000000"};

  /** The goldens, beside the template engine's own tests. */
  private static final Path GOLDENS = Path.of("..", "transforms", "src", "test", "resources", "io", "swetraces",
      "template");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /** trajectory id and template name to [sha256 of the text, token count]. */
  private static Map<String, String[]> goldens() throws Exception {
    Map<String, String[]> out = new TreeMap<>();
    for (String line : Files.readAllLines(GOLDENS.resolve("chat-renders.golden.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode g = Json.parse(line);
      out.put(g.get("trajectory_id").asText() + " " + g.get("template").asText(),
          new String[] {g.get("sha256").asText(), g.get("tokens").asText()});
    }
    return out;
  }

  private List<JsonNode> sftRecords(String tokenizer, String... extra) throws Exception {
    Path out = tmp.newFolder().toPath();
    List<String> args = new ArrayList<>(List.of(EVERY_ROW_KEPT));
    args.add("--tokenizer=" + tokenizer);
    args.addAll(List.of(extra));
    RunSummary summary = Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl") + ","
        + Runs.SAMPLE.resolve("planted-curation.jsonl"), out, args.toArray(new String[0]));
    assertEquals(24, summary.counts().sftKept());
    List<JsonNode> records = new ArrayList<>();
    for (String line : Runs.lines(out, "sft")) {
      records.add(Json.parse(line));
    }
    return records;
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Runs in CI: Qwen3's chat template with a byte-level tokenizer of bytes only (no merges), whose
   * count is the text's UTF-8 length, so the template and the tokenizer's wiring are both checked.
   */
  @Test
  public void qwen3TemplateRendersEveryRecordAsTransformersDoes() throws Exception {
    Map<String, String[]> goldens = goldens();
    for (JsonNode r : sftRecords(qwen3WithBytes())) {
      String text = r.get("text").asText();
      String id = r.get("trajectory_id").asText();
      assertEquals(id, goldens.get(id + " qwen3")[0], sha256(text));
      assertEquals(id, text.getBytes(StandardCharsets.UTF_8).length, r.get("sft_tokens").asLong());
    }
  }

  /**
   * The assistant tokens are those of the trained turns' parts of the text, each counted alone:
   * with bytes for tokens, the UTF-8 length of the parts Python's jinja2 finds for each setting.
   */
  @Test
  public void assistantTokensCountTheTrainedPartsOfTheText() throws Exception {
    Map<String, Long> goldens = new TreeMap<>();
    for (String line : Files.readAllLines(GOLDENS.resolve("trained-spans.python.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode g = Json.parse(line);
      goldens.put(g.get("trajectory_id").asText() + " " + g.get("train_on").asText() + " "
          + g.get("reasoning").asText(), g.get("bytes").asLong());
    }
    String tokenizer = qwen3WithBytes();
    for (String[] setting : List.of(new String[] {"ALL", "KEEP"}, new String[] {"LAST", "KEEP"},
        new String[] {"FINAL", "MASK"})) {
      for (JsonNode r : sftRecords(tokenizer, "--trainOn=" + setting[0], "--reasoning=" + setting[1])) {
        String key = r.get("trajectory_id").asText() + " " + setting[0] + " " + setting[1];
        assertEquals(key, goldens.get(key).longValue(), r.get("assistant_tokens").asLong());
      }
    }
  }

  /** Qwen3's chat template with the bytes-only tokenizer. */
  private String qwen3WithBytes() throws Exception {
    Path folder = tmp.newFolder().toPath();
    Files.copy(GOLDENS.resolve("qwen3-tokenizer_config.json"), folder.resolve("tokenizer_config.json"));
    Files.writeString(folder.resolve("tokenizer.json"), bytesOnlyTokenizer());
    return folder.toString();
  }

  /** Where the real tokenizers are at hand (skipped in CI): texts and counts equal the goldens. */
  @Test
  public void realTokenizersCountAsHuggingFaceDoes() throws Exception {
    Map<String, String[]> goldens = goldens();
    int checked = 0;
    for (String model : List.of("qwen3", "llama3", "deepseek_v3")) {
      Path folder = TOKENIZERS.resolve(model);
      if (!Files.exists(folder.resolve("tokenizer.json"))) {
        continue;
      }
      for (JsonNode r : sftRecords(folder.toString())) {
        String[] golden = goldens.get(r.get("trajectory_id").asText() + " " + model);
        assertEquals(model, golden[0], sha256(r.get("text").asText()));
        assertEquals(model, Long.parseLong(golden[1]), r.get("sft_tokens").asLong());
        checked++;
      }
    }
    assumeTrue("no tokenizer folder under " + TOKENIZERS, checked > 0);
  }

  /** A byte-level BPE tokenizer whose vocabulary is the 256 bytes and which merges nothing. */
  public static String bytesOnlyTokenizer() {
    ObjectNode vocab = Json.MAPPER.createObjectNode();
    int n = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      vocab.put(new String(Character.toChars(printable ? b : 256 + n++)), b);
    }
    ObjectNode t = Json.MAPPER.createObjectNode();
    t.put("version", "1.0");
    t.putNull("truncation");
    t.putNull("padding");
    t.putArray("added_tokens");
    t.putNull("normalizer");
    t.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", false)
        .put("use_regex", true);
    t.putNull("post_processor");
    t.putObject("decoder").put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", false)
        .put("use_regex", true);
    ObjectNode model = t.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    model.set("vocab", vocab);
    model.putArray("merges");
    return Json.write(t);
  }
}
