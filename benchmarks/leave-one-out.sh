#!/usr/bin/env bash
# Leave-one-out benchmark: baby-home's solved rota, then each named caregiver's absence repaired with SECONDS each, beside
# the plain solve (given the same seconds in all) of the same run. Usage: benchmarks/leave-one-out.sh [SECONDS] [CAREGIVER...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
shift || true
# A spread: infant day staff, infant night staff, the older groups' day and night staff.
caregivers=("${@:-cg-001 cg-003 cg-015 cg-017 cg-029 cg-031}")
ids=$(echo ${caregivers[*]} | tr ' ' ',')
count=$(echo "$ids" | tr ',' '\n' | wc -l)
total=$((seconds * count))
sample=samples/baby-home.json
dotnet build src/ContinuityScheduler.Cli -c Release --nologo -v quiet >/dev/null
continuity() { dotnet src/ContinuityScheduler.Cli/bin/Release/net10.0/continuity.dll "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# exit 1 only says the rota leaves something uncovered; the report shows it.
continuity solve "$sample" --out "$work/rota.json" --time-limit "$total" --json 2>/dev/null >"$work/solve.json" || [ $? -eq 1 ]
started=$(date +%s.%N)
continuity leave-one-out "$sample" --rota "$work/rota.json" --caregivers "$ids" --time-limit "$total" --json 2>/dev/null >"$work/loo.json"
wall=$(echo "$(date +%s.%N) - $started" | bc)

mkdir -p benchmarks/reports
report="benchmarks/reports/leave-one-out-$(date -u +%Y%m%d-%H%M).md"
{
  echo "# Leave-one-out benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores; baby-home (4 weeks); the rota is baby-home's plain solve with ${total} s; the leave-one-out"
  echo "view of ${count} caregivers with ${total} s in all (${seconds} s each), engine workers by the problem's size, one repair after another."
  echo
  jq -r --arg wall "$wall" '"| plain solve (s) | its status | its uncovered | its continuity (weighted, lowest) | leave-one-out (s, in all) | per caregiver (s, mean) | process wall clock (s) | ratio to plain |",
    "|---|---|---|---|---|---|---|---|",
    "| \(.solve.seconds * 10 | round / 10) | \(.solve.status) | \(.loo.uncoveredBefore) | \(.loo.continuityBefore.weightedMean * 100 | round / 100), \(.loo.continuityBefore.min * 100 | round / 100) | \(.loo.seconds * 10 | round / 10) | \(.loo.seconds / (.loo.caregivers | length) * 10 | round / 10) | \($wall | tonumber * 10 | round / 10) | \(.loo.seconds / .solve.seconds * 100 | round / 100)× |"' \
    <(jq -n --slurpfile s "$work/solve.json" --slurpfile l "$work/loo.json" '{solve: $s[0], loo: $l[0]}')
  echo
  echo "Most harmful first:"
  echo
  echo "| caregiver | shifts lost | changes asked of colleagues | repair status | uncovered (least proven?) | other hard | institution weighted before → after | lowest child before → after | group losing most | children falling most (▲ under three) | seconds |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  jq -r 'def r: . * 100 | round / 100; def r1: . * 10 | round / 10;
    .caregivers[] | "| \(.caregiverId) | \(.shiftsLost) | \(.changes) | \(.status) | \(.uncovered) (\(if .uncoveredProven then "proven" else "not proven" end)) | \(.otherHardViolations) | \(.weightedMeanBefore | r) → \(.weightedMeanAfter | r) | \(.lowestBefore | r) → \(.lowestAfter | r) | \(if .groupLosingMost then "\(.groupLosingMost.name) \(.groupLosingMost.before | r1) → \(.groupLosingMost.after | r1)" else "none" end) | \([.childrenFallingMost[] | "\(.childId)\(if .underThree then " ▲" else "" end) \(.before | r1) → \(.after | r1)"] | join(", ")) | \(.seconds | r1) |"' "$work/loo.json"
} >"$report"
cat "$report"
echo "written to $report"
