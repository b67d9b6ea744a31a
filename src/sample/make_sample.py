"""Rebuilds the bundled sample from the Open-SWE-Traces-schema conversion of real agent runs.

Only rows whose source repositories are MIT-licensed are taken (SWE-agent, mini-swe-agent, OpenHands).
Usage: python make_sample.py DEV_JSONL DEV_VARIANTS_JSONL   (needs pyarrow for the Parquet copy)
"""
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq

ROWS = [1, 2, 106, 107, 108, 110, 111, 112, 113, 114, 115, 116, 117, 120, 196, 197, 198]
MIT = ("OpenHands__OpenHands@", "SWE-agent__SWE-agent@", "gruckion__mini-swe-agent@")


def pick(path):
    with open(path, encoding="utf-8") as f:
        lines = [line for i, line in enumerate(f) if i in ROWS]
    for line in lines:
        assert json.loads(line)["_source"]["path"].startswith(MIT), "only MIT-licensed sources"
    return lines


def main(dev, variants):
    rows = pick(dev)
    with open("oswt-sample.jsonl", "w", encoding="utf-8") as f:
        f.writelines(rows)
    with open("oswt-sample-variants.jsonl", "w", encoding="utf-8") as f:
        f.writelines(pick(variants))
    table = pa.Table.from_pylist([json.loads(r) for r in rows])
    pq.write_table(table, "oswt-sample-00000-of-00001.parquet", compression="snappy")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
