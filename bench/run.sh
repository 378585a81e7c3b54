#!/usr/bin/env bash
# Times `brief` side by side with what users would use instead, on this
# machine, in one run, and prints a Markdown table of medians and ratios
# with the performance targets met or missed (see docs/performance.md).
#
#   bench/run.sh           # the full run (about 10 minutes on 2 cores)
#   bench/run.sh --quick   # fewer runs and 1,000 briefs instead of 10,000
#
# Tools it needs are installed when missing: hyperfine and pandoc (apt-get),
# minijinja-cli (cargo install), Jinja2 and PyYAML (pip, in a virtualenv,
# when the system Python lacks them or PyYAML's C loader). They are cached
# under $BRIEF_BENCH_TOOLS (default ${TMPDIR:-/tmp}/brief-bench-tools);
# generated briefs and outputs go to $BRIEF_BENCH_WORK (default
# ${TMPDIR:-/tmp}/brief-bench-work).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: bench/run.sh [--quick]" >&2; exit 2 ;;
esac

tools=${BRIEF_BENCH_TOOLS:-${TMPDIR:-/tmp}/brief-bench-tools}
work=${BRIEF_BENCH_WORK:-${TMPDIR:-/tmp}/brief-bench-work}
mkdir -p "$tools" "$work"

if [ "$quick" = 1 ]; then
  count=1000; single_runs=50; build_runs=2; incr_runs=5; scale_runs=2
  scale_sizes="1000 10000"
else
  count=10000; single_runs=300; build_runs=2; incr_runs=10; scale_runs=5
  scale_sizes="1000 10000 100000"
fi

say() { echo "== $*" >&2; }

# --- Tools -------------------------------------------------------------------
apt_install() {
  if ! command -v "$1" >/dev/null 2>&1; then
    say "installing $2 (apt-get)"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
    else
      echo "error: $1 is missing: install it with \`sudo apt-get install $2\`" >&2
      exit 1
    fi
  fi
}
apt_install hyperfine hyperfine
apt_install pandoc pandoc
if ! command -v /usr/bin/time >/dev/null 2>&1; then apt_install /usr/bin/time time; fi

minijinja=$tools/minijinja/bin/minijinja-cli
if [ ! -x "$minijinja" ]; then
  say "installing minijinja-cli (cargo install)"
  cargo install minijinja-cli --locked --quiet --root "$tools/minijinja"
fi

python=python3
if ! python3 -c 'import jinja2, yaml; yaml.CSafeLoader' >/dev/null 2>&1; then
  python=$tools/venv/bin/python
  if ! "$python" -c 'import jinja2, yaml; yaml.CSafeLoader' >/dev/null 2>&1; then
    say "installing Jinja2 and PyYAML (pip, in $tools/venv)"
    python3 -m venv "$tools/venv"
    "$tools/venv/bin/pip" install --quiet jinja2 pyyaml
    "$python" -c 'import yaml; yaml.CSafeLoader' || {
      echo "error: this PyYAML has no C loader (libyaml): install libyaml-dev and reinstall pyyaml" >&2
      exit 1
    }
  fi
fi

# --- Build and data ----------------------------------------------------------
say "building brief (the dist profile, as distributed)"
cargo build --profile dist --quiet --bin brief --example gen_briefs --example scale --example floor
target=$(cargo metadata --format-version 1 --no-deps | "$python" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
brief=$target/dist/brief
gen=$target/dist/examples/gen_briefs
scale=$target/dist/examples/scale
floor=$target/dist/examples/floor

seed=$root/briefs/us-russia-talks.yaml
briefs=$work/briefs-$count
if [ ! -f "$briefs/.complete" ]; then
  say "generating $count briefs"
  rm -rf "$briefs"
  "$gen" "$briefs" "$count"
  touch "$briefs/.complete"
fi
for n in $scale_sizes; do
  if [ ! -f "$work/scale/$n/00000.yaml" ]; then
    say "generating a brief of $n items"
    "$gen" "$work/scale/$n" 1 "$n"
  fi
done

# Outputs of an earlier run, deleted long before the builds below.
rm -rf "$work/out"
json=$work/json
rm -rf "$json"
mkdir -p "$json"

# hyperfine NAME RUNS [options] COMMAND...: the median in seconds goes to
# $json/NAME.median.
bench() {
  local name=$1 runs=$2
  shift 2
  hyperfine --style none --runs "$runs" --export-json "$json/$name.json" "$@" >/dev/null
  "$python" -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join(str(x["median"]) for x in r))' \
    "$json/$name.json" >"$json/$name.median"
}

# --- 1. One brief, fresh process ----------------------------------------------
say "1. one brief, fresh process ($single_runs runs each)"
bench brief_md "$single_runs" -N --warmup 20 "$brief render $seed"
bench brief_html "$single_runs" -N --warmup 20 "$brief render $seed -f html"
bench minijinja "$single_runs" -N --warmup 20 "$minijinja $root/bench/peers/brief.md.j2 $seed"
bench pandoc "$((single_runs / 10 + 5))" -N --warmup 3 \
  "pandoc --metadata-file=$seed --template=$root/bench/peers/brief.pandoc.md --wrap=none -f markdown -t markdown /dev/null"

# --- 2, 3. A directory of briefs -----------------------------------------------
say "2. $count briefs to Markdown and HTML ($build_runs runs each)"
# Each run writes into a new, empty directory, as a build from a clean
# checkout does. (Deleting 20,000 files just before each run instead would
# make ext4 scan for recently deleted inodes on every file created, which
# is then most of the time of both builds.) They are removed at the end.
out=$work/out
mkdir -p "$out"
echo 0 >"$work/run"
next="echo \$((\$(cat $work/run) + 1)) >$work/run"
bench build "$build_runs" --prepare "$next" \
  "$brief build $briefs --out $out/brief-\$(cat $work/run) -f md,html"
bench python "$build_runs" --prepare "$next" \
  "$python $root/bench/peers/build.py $briefs $out/python-\$(cat $work/run)"
say "3. the floor: reading and deserializing the same briefs"
bench floor "$build_runs" "$floor $briefs"
bench pyyaml "$build_runs" "$python $root/bench/peers/load.py $briefs"

# --- 5. Incremental -------------------------------------------------------------
say "5. incremental build after one brief changed ($incr_runs runs)"
"$brief" build "$briefs" --out "$out/brief" -f md,html >/dev/null 2>&1
changed=$(find "$briefs" -name 00000.yaml)
cp "$changed" "$work/changed.orig"
bench incremental "$incr_runs" --prepare "echo \"# edited \$RANDOM\$RANDOM\" >> $changed" \
  "$brief build $briefs --out $out/brief -f md,html"
cp "$work/changed.orig" "$changed"
rm -rf "$out"

# --- 4. Scaling -------------------------------------------------------------------
say "4. scaling: one brief of $scale_sizes items ($scale_runs runs each)"
for n in $scale_sizes; do
  file=$work/scale/$n/00000.yaml
  bench "scale-$n-time" "$scale_runs" -N --warmup 1 "$scale $file both"
  /usr/bin/time -f "%M" -o "$json/scale-$n.rss" "$scale" "$file" both 2>/dev/null
  echo "$(cat "$json/scale-$n-time.median") $(($(cat "$json/scale-$n.rss") * 1024)) $(wc -c <"$file")" \
    >"$json/scale-$n.median"
done

# --- The table ----------------------------------------------------------------------
"$python" - "$json" "$count" "$scale_sizes" "$quick" <<'EOF'
import os, sys
json_dir, count, sizes, quick = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4] == "1"

def med(name):
    return float(open(os.path.join(json_dir, name + ".median")).read().split()[0])

def ms(s):
    return f"{s * 1000:.2f} ms" if s < 1 else f"{s:.2f} s"

rows, checks = [], []
def row(what, t, base=None, base_name=""):
    rows.append((what, ms(t), f"{t / base:.2f}× {base_name}" if base else ""))
def check(target, ok, detail):
    checks.append((target, "met" if ok else "MISSED", detail))

md, html, mj, pd = med("brief_md"), med("brief_html"), med("minijinja"), med("pandoc")
row("`brief render` seed brief → Markdown", md, mj, "minijinja-cli")
row("`brief render` seed brief → HTML", html, mj, "minijinja-cli")
row("minijinja-cli, same YAML, Markdown template", mj)
row("pandoc --metadata-file, Markdown template", pd, md, "brief")
check("one brief: no slower than minijinja-cli", md <= mj, f"{md / mj:.2f}× minijinja-cli")
check("one brief: Markdown under 2 ms (median)", md < 0.002, ms(md))

build, py, floor, pyyaml = med("build"), med("python"), med("floor"), med("pyyaml")
row(f"`brief build` {count} briefs → Markdown + HTML", build, floor, "floor")
row(f"Python (Jinja2 + PyYAML C loader), same {count} briefs", py, build, "brief")
row(f"floor: read + deserialize {count} briefs (brief's loader)", floor)
row(f"PyYAML C loader alone, same {count} briefs", pyyaml, floor, "floor")
check(f"{count} briefs: ≥ 10× the Python baseline's throughput", py / build >= 10, f"{py / build:.1f}×")
check(f"{count} briefs: ≤ 2× the floor", build <= 2 * floor, f"{build / floor:.2f}× the floor")

inc = med("incremental")
row(f"`brief build` again, 1 of {count} briefs changed", inc, build, "full build")
check("incremental: under 5% of a full build", inc < 0.05 * build, f"{100 * inc / build:.1f}%")

prev = None
for n in sizes:
    t, mem, size = (float(x) for x in open(os.path.join(json_dir, f"scale-{n}.median")).read().split())
    rows.append((f"one brief of {int(n):,} items ({size / 1e6:.1f} MB) → Markdown + HTML", ms(t),
                 f"peak {mem / 1e6:.0f} MB = {mem / size:.1f}× input"))
    if prev:
        pn, pt = prev
        ratio = t / pt
        check(f"scaling {int(pn):,} → {int(n):,} items: ≤ 12× the time", ratio <= 12, f"{ratio:.1f}×")
    check(f"{int(n):,} items: peak memory < 10× input", mem < 10 * size, f"{mem / size:.1f}×")
    prev = (n, t)

print(f"\n{'Quick run' if quick else 'Full run'}: medians.\n")
print("| What | Median | Ratio / note |")
print("| --- | ---: | --- |")
for r in rows:
    print("| " + " | ".join(r) + " |")
print("\n| Target | | Measured |")
print("| --- | --- | --- |")
for c in checks:
    print("| " + " | ".join(c) + " |")
EOF
