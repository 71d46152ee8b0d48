#!/usr/bin/env bash
# Benchmark: CLI cold start to first job, warm median generation time, peak RSS of a cold run,
# validation throughput (Rundeck corpus, Jenkinsfiles) and dry-run time.
# Usage: bench/run.sh [SUITE]   (default: samples/requests.yaml plus the shared dev set when present)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
suite="${1:-}"
if [[ -z "$suite" ]]; then
  suite="samples/requests.yaml"
  [[ -f ../shared/eval/dev-requests.yaml ]] && suite="../shared/eval/dev-requests.yaml"
fi
request="Transfer a file from a directory on a remote node to an S3 bucket. I should be able to specify the hostname, the file name and the bucket."

./coauthor generate "$request" >/dev/null   # builds if needed and records the class-data archive
./coauthor generate "$request" >/dev/null

runs=5
times=()
rss=()
for _ in $(seq "$runs"); do
  out="$(mktemp)"
  /usr/bin/time -f '%e %M' -o "$out" ./coauthor generate "$request" >/dev/null
  read -r t m < "$out"
  rm -f "$out"
  times+=("$t")
  rss+=("$m")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
max() { printf '%s\n' "$@" | sort -n | tail -n 1; }
echo "cold start to first job: median $(median "${times[@]}") s over $runs runs (each a new JVM)"
echo "peak RSS of a cold run: $(( $(max "${rss[@]}") / 1024 )) MB"
# Warm figures are in-process and steady-state: full JIT.
export COAUTHOR_JAVA_OPTS="-XX:+UseSerialGC"
./coauthor bench --suite "$suite" --warmup 3 --rounds 10
corpus=../shared/corpus/rundeck-jobs
if [[ -d "$corpus" ]]; then
  ./coauthor bench --corpus "$corpus" --warmup 3 --rounds 10
fi
./coauthor bench --jenkins samples/jenkins/conformance --warmup 5 --rounds 20
./coauthor bench --dry-run-nodes 1000 --dry-run-steps 50 --warmup 5 --rounds 7
./coauthor bench --pipeline-stages 30 --warmup 5 --rounds 10
