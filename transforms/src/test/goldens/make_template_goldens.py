"""Reference renders for io.swetraces.template from Python's jinja2, set up as transformers'
apply_chat_template sets it up (ImmutableSandboxedEnvironment with trim_blocks, lstrip_blocks and
loop controls; tojson as json.dumps with ensure_ascii=False; raise_exception; strftime_now; the
generation tag rendering its body).

  python make_template_goldens.py SFT_DIR TEMPLATES_DIR

SFT_DIR is a run's output made as make_chat_goldens.mjs says; TEMPLATES_DIR holds one folder per
model with its tokenizer_config.json (qwen3, llama3, deepseek_v3). Writes beside the test resources:
  template-cases.python.json  each case of template-cases.json rendered, or the error it raised
  chat-renders.python.jsonl   for each SFT record and template: the rendered text's length and SHA-256
"""
import glob
import hashlib
import json
import os
import sys
from datetime import datetime

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

RESOURCES = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "swetraces", "template")


class Generation(Extension):
    """transformers' {% generation %} tag, without tracking the assistant's spans."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_render"), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def environment():
    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[Generation, loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    return env


def special(token):
    return token if token is None or isinstance(token, str) else token["content"]


def sft_records(sft_dir):
    """A run's SFT records, by trajectory id."""
    records = []
    for path in glob.glob(os.path.join(sft_dir, "sft", "*.jsonl")):
        with open(path, encoding="utf-8") as f:
            records += [json.loads(line) for line in f if line.strip()]
    return sorted(records, key=lambda r: r["trajectory_id"])


def main(sft_dir, templates_dir):
    env = environment()
    with open(os.path.join(RESOURCES, "template-cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    out = []
    for case in cases:
        try:
            out.append({"name": case["name"], "output": env.from_string(case["template"]).render(**case["context"])})
        except Exception as e:  # the error a template raises is part of its golden
            out.append({"name": case["name"], "error": str(e)})
    with open(os.path.join(RESOURCES, "template-cases.python.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(out, indent=1, ensure_ascii=False) + "\n")

    records = sft_records(sft_dir)
    lines = []
    for record in records:
        for name in ("qwen3", "llama3", "deepseek_v3"):
            with open(os.path.join(templates_dir, name, "tokenizer_config.json"), encoding="utf-8") as f:
                config = json.load(f)
            text = env.from_string(config["chat_template"]).render(
                messages=record["messages"], tools=record["tools"] or None, add_generation_prompt=False,
                bos_token=special(config.get("bos_token")), eos_token=special(config.get("eos_token")))
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            lines.append(json.dumps({"trajectory_id": record["trajectory_id"], "template": name,
                                     "chars": len(text), "sha256": digest}))
    with open(os.path.join(RESOURCES, "chat-renders.python.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(len(cases), "cases,", len(records), "records")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
