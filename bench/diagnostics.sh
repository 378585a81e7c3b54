#!/usr/bin/env bash
# Times `brief` on inputs made to be costly to report: briefs of about
# 1 MB that are nothing but bad items (misspelt fields, unknown references,
# long misspelt ids), with text and JSON diagnostics, and `brief diff` of
# two briefs of long unrelated key points. Prints a Markdown table of
# medians (hyperfine) for docs/performance.md.
#
#   bench/diagnostics.sh
#
# Inputs go to $BRIEF_BENCH_WORK/diagnostics (default
# ${TMPDIR:-/tmp}/brief-bench-work/diagnostics). Needs hyperfine and
# python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BRIEF_BENCH_WORK:-${TMPDIR:-/tmp}/brief-bench-work}/diagnostics
mkdir -p "$work"
cargo build --profile dist --quiet
bin=$PWD/target/dist/brief

python3 - "$work" <<'PY'
import sys, random
work = sys.argv[1]
MB = 1_000_000
random.seed(19)

def write(name, head, item):
    out = [head]
    size, n = len(head), 0
    while size < MB:
        line = item(n)
        out.append(line)
        size += len(line)
        n += 1
    with open(f"{work}/{name}", "w") as f:
        f.write("".join(out))

# Every key point has a misspelt field: one unknown-field error each.
write("unknown-fields.yaml",
      "id: x\ntitle: T\nsources:\n  - id: s\n    name: S\n    kind: other\nkey_points:\n",
      lambda n: f"  - txt: Point {n}\n    sources: [s]\n")

# 3,000 sources, and key points citing misspelt ones: did-you-mean over
# every source id for each.
head = "id: x\ntitle: T\nsources:\n" + "".join(
    f"  - id: source-{i:04}\n    name: S\n    kind: other\n" for i in range(3000)) + "key_points:\n"
write("unknown-references.yaml", head,
      lambda n: f"  - text: Point {n}\n    sources: [sourse-{n % 3000:04}]\n")

# 1,100 sources with 60-character ids, cited misspelt.
ids = ["".join(random.choice("abcdefghij") for _ in range(60)) for _ in range(1100)]
head = "id: x\ntitle: T\nsources:\n" + "".join(
    f"  - id: {i}\n    name: S\n    kind: other\n" for i in ids) + "key_points:\n"
write("long-ids.yaml", head,
      lambda n: f"  - text: Point {n}\n    sources: [{ids[n % 1100][::-1]}]\n")

# Two briefs of 500 long key points that share nothing.
def brief(path, seed):
    rng = random.Random(seed)
    words = [f"w{seed}x{i}" for i in range(5000)]
    out = ["id: x\ntitle: T\nsources:\n  - id: s\n    name: S\n    kind: other\nkey_points:\n"]
    for _ in range(500):
        out.append("  - text: " + " ".join(rng.choice(words) for _ in range(230)) + "\n    sources: [s]\n")
    with open(path, "w") as f:
        f.write("".join(out))
brief(f"{work}/old.yaml", 1)
brief(f"{work}/new.yaml", 2)
PY

row() { # label, command...
  local label=$1; shift
  local json=$work/timing.json
  hyperfine --style none --warmup 1 --runs 5 -i --export-json "$json" "$*" >/dev/null 2>&1
  local median
  median=$(python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$json")
  echo "| $label | $median s |"
}

echo "| Input | Median |"
echo "| --- | --- |"
for f in unknown-fields unknown-references long-ids; do
  size=$(wc -c <"$work/$f.yaml")
  n=$("$bin" check "$work/$f.yaml" --message-format json 2>&1 | grep -c '"severity":"error"' || true)
  row "\`check\` $f.yaml ($((size / 1000)) KB, $n errors), text" "$bin check $work/$f.yaml"
  row "\`check\` $f.yaml, JSON" "$bin check $work/$f.yaml --message-format json"
done
size=$(wc -c <"$work/new.yaml")
row "\`diff\` of two briefs of 500 unrelated key points ($((size / 1000)) KB each)" "$bin diff $work/old.yaml $work/new.yaml"
