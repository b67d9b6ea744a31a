"""Writes planted-curation.jsonl: one real row (the bundled ponyc run, MIT) and copies of it with the
problems the curation stages look for planted, for the tests: an exact copy, a copy differing in white
space, secrets in a tool output, a SWE-bench Verified task, a call to an undefined tool, a few words of
an assistant turn reworded. And benchmark/planted-benchmark.jsonl: a benchmark given as a file, whose one task is
the row's issue under another id and repository (found only by its statement). Usage:
python make_planted.py"""
import copy
import json

SECRET_TOKEN = "ghp_" + "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc8V"
SECRET_KEY = "AKIA" + "Q5XV7PLANTED0EXM"


def main():
    with open("oswt-sample.jsonl", encoding="utf-8") as f:
        base = json.loads(f.readlines()[14])
    base["instance_id"] = "ponylang__ponyc-1"  # no benchmark's task
    base["resolved"] = 1
    base.pop("_source", None)

    def variant(suffix, change=None):
        row = copy.deepcopy(base)
        row["trajectory_id"] = base["trajectory_id"][:-2] + suffix
        if change:
            change(row)
        return row

    def spaced(row):
        row["messages"][1]["content"] = row["messages"][1]["content"].replace(" ", "  ", 3) + "\n"

    def secret(row):
        row["messages"][3]["content"] += "\nGITHUB_TOKEN=" + SECRET_TOKEN + "\naws_access_key_id=" + SECRET_KEY

    def benchmark(row):
        row["instance_id"] = "django__django-11138"

    def broken(row):
        row["messages"][4]["tool_calls"][0]["function"]["name"] = "run_shell"

    def reworded(row):
        turn = next(m for m in row["messages"] if m["role"] == "assistant" and len((m["content"] or "").split()) > 20)
        turn["content"] = turn["content"].replace("the", "this", 2) + " Let me continue."

    rows = [variant("a0"), variant("b1"), variant("c2", spaced), variant("d3", secret), variant("e4", benchmark),
            variant("f5", broken), variant("g6", reworded)]
    with open("planted-curation.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")

    prompt = base["messages"][1]["content"]
    issue = prompt[prompt.index("<issue_description>") + len("<issue_description>"):prompt.index("</issue_description>")]
    task = {"instance_id": "someone__else-7", "repo": "someone/else", "problem_statement": issue, "patch": ""}
    with open("benchmark/planted-benchmark.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps(task) + "\n")


if __name__ == "__main__":
    main()
