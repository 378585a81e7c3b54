#!/usr/bin/env bash
# The kill test: `brief build` is killed (SIGKILL) at random moments, with
# briefs edited, deleted and added between kills; then one more build must
# leave OUT exactly as a clean build into an empty directory does, with no
# temporary file left and nothing for `--check` to report.
#
# Usage: .ci/kill-test.sh [BRIEF]   (default: target/debug/brief)
# KILL_ROUNDS (default 40) and KILL_SEED (default: random, printed) vary it.
set -euo pipefail
cd "$(dirname "$0")/.."

brief="${1:-target/debug/brief}"
[ -x "$brief" ] || { echo "kill test: no binary at $brief (run cargo build)" >&2; exit 2; }
brief="$(cd "$(dirname "$brief")" && pwd)/$(basename "$brief")"
rounds="${KILL_ROUNDS:-40}"
seed="${KILL_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}"
RANDOM=$seed
echo "kill test: $rounds rounds, KILL_SEED=$seed"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src="$work/src"
out="$work/out"
clean="$work/clean"
mkdir -p "$src/a" "$src/b"
shipped=(briefs/*.yaml)
# The texts that grounded briefs name (`text: sources/...`), beside the copies.
if [ -d briefs/sources ]; then
  cp -r briefs/sources "$src/a/"
  cp -r briefs/sources "$src/b/"
fi
n=0
add() { # a new brief, a copy of a shipped one
  n=$((n + 1))
  local dir=a
  [ $((n % 2)) -eq 0 ] && dir=b
  cp "${shipped[$((RANDOM % ${#shipped[@]}))]}" "$src/$dir/brief-$n.yaml"
}
for _ in $(seq 1 40); do add; done

build() { "$brief" build "$src" --out "$1" -f md,html "${@:2}"; }

# How long a build from scratch takes, so kills land all along it.
start=$(date +%s%N)
build "$work/timing" >/dev/null 2>&1 || true
span=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$span" -ge 20 ] || span=20
rm -rf "$work/timing"

killed=0
for round in $(seq 1 "$rounds"); do
  # Edits between kills: retitle one brief, delete one, add one.
  mapfile -t all < <(find "$src" -name '*.yaml' | sort)
  if [ ${#all[@]} -gt 0 ]; then
    victim="${all[$((RANDOM % ${#all[@]}))]}"
    sed -i "0,/^title: /s/^title: .*/title: Edited in round $round/" "$victim"
  fi
  if [ $((RANDOM % 3)) -eq 0 ] && [ ${#all[@]} -gt 1 ]; then
    rm -f "${all[$((RANDOM % ${#all[@]}))]}"
  fi
  if [ $((RANDOM % 3)) -eq 0 ]; then add; fi
  # Half the builds are forced, so that kills also land while writing.
  extra=(-j 2)
  [ $((RANDOM % 2)) -eq 0 ] && extra+=(--force)
  # The binary itself in the background (not a function, whose subshell
  # a kill would leave the build running without).
  "$brief" build "$src" --out "$out" -f md,html "${extra[@]}" >/dev/null 2>&1 &
  pid=$!
  delay=$((RANDOM % span))
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
done
echo "kill test: $killed of $rounds builds killed before they ended"

build "$out" >/dev/null
build "$clean" >/dev/null
if ! diff -r --exclude=.brief-build.json "$clean" "$out" | cut -c1-300 | head -40; then
  :
fi
if ! diff -rq --exclude=.brief-build.json "$clean" "$out" >/dev/null; then
  trap - EXIT
  echo "kill test: the directories are kept in $work" >&2
  echo "kill test FAILED: the build after the kills differs from a clean build (KILL_SEED=$seed)" >&2
  exit 1
fi
left="$(find "$out" -name '.brief-*.tmp')"
if [ -n "$left" ]; then
  echo "kill test FAILED: temporary files left: $left (KILL_SEED=$seed)" >&2
  exit 1
fi
if ! build "$out" --check >/dev/null; then
  echo "kill test FAILED: --check finds drift after the kills (KILL_SEED=$seed)" >&2
  exit 1
fi
echo "kill test: the build after the kills equals a clean build"
