"""Reference trained spans for io.swetraces.chat.TrainedText, found independently with Python's jinja2.

  python make_span_goldens.py SFT_DIR

SFT_DIR is a run's output of the bundled sample and the planted rows with every row kept and the
Qwen3 template (see make_chat_goldens.mjs). For each SFT record and loss setting, each trained
assistant turn's part of the Qwen3 rendering is where the rendering differs from the one with that
turn emptied (a masked reasoning stays in the emptied turn). Writes trained-spans.python.jsonl beside
the test resources: the parts' UTF-8 bytes in all, and the SHA-256 of the parts joined by NUL.
"""
import hashlib
import json
import os
import sys

from make_template_goldens import RESOURCES, environment, sft_records, special

SETTINGS = (("ALL", "KEEP"), ("LAST", "KEEP"), ("FINAL", "MASK"))


def flags(messages, train_on):
    """The trained turns: every assistant turn, the last, or those after the last human message."""
    assistant = [i for i, m in enumerate(messages) if m["role"] == "assistant"]
    if train_on == "ALL":
        return set(assistant)
    if train_on == "LAST":
        return set(assistant[-1:])
    users = [i for i, m in enumerate(messages) if m["role"] == "user"]
    if not any(m["role"] == "tool" for m in messages):
        users = users[:1]  # observations come back as user messages: only the task is human
    last_human = users[-1] if users else -1
    return {i for i in assistant if i > last_human}


def differing(text, other):
    start = 0
    while start < min(len(text), len(other)) and text[start] == other[start]:
        start += 1
    end, o = len(text), len(other)
    while end > start and o > start and text[end - 1] == other[o - 1]:
        end, o = end - 1, o - 1
    return text[start:end]


def main(sft_dir):
    env = environment()
    with open(os.path.join(RESOURCES, "qwen3-tokenizer_config.json"), encoding="utf-8") as f:
        config = json.load(f)
    template = env.from_string(config["chat_template"])

    def render(messages, tools):
        return template.render(messages=messages, tools=tools or None, add_generation_prompt=False,
                               bos_token=special(config.get("bos_token")), eos_token=special(config.get("eos_token")))

    records = sft_records(sft_dir)
    lines = []
    for record in records:
        messages, tools = record["messages"], record["tools"]
        text = render(messages, tools)
        for train_on, reasoning in SETTINGS:
            parts = []
            for i in sorted(flags(messages, train_on)):
                emptied = {"role": "assistant", "content": ""}
                if reasoning == "MASK" and messages[i].get("reasoning_content") is not None:
                    emptied["reasoning_content"] = messages[i]["reasoning_content"]
                part = differing(text, render(messages[:i] + [emptied] + messages[i + 1:], tools))
                if part:
                    parts.append(part)
            lines.append(json.dumps({"trajectory_id": record["trajectory_id"], "train_on": train_on,
                                     "reasoning": reasoning, "bytes": sum(len(p.encode("utf-8")) for p in parts),
                                     "sha256": hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()}))
    with open(os.path.join(RESOURCES, "trained-spans.python.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(len(records), "records")


if __name__ == "__main__":
    main(sys.argv[1])
