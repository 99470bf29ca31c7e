#!/usr/bin/env bash
# fearless-check --launcher distcc against a real distccd, started here on
# 127.0.0.1 with a port of its own and stopped on exit.
#
#   tests/harness/integration/distcc_test.sh FEARLESS_CHECK [FILTER]   (from the repo root)
#
# Runs the FILTER subset of the case suite (default: borrows) on g++ locally
# (through the result cache: a cached verdict is the local run's) and through
# distcc with no cache, and checks that every verdict is the same and
# that the daemon compiled what distcc can send it. distcc sends only `-c`
# compiles: the run cases' compiles (fearless-check compiles them apart from
# the link behind a launcher). -fsyntax-only jobs, PCH builds and links run
# locally, so the check counts the daemon's COMPILE_OK lines against the jobs
# that compiled with -c, never against all jobs.
set -euo pipefail
tool=$(realpath "$1")
filter=${2:-borrows}
command -v distccd >/dev/null || { echo "distcc_test: distccd not installed (Debian package distcc)" >&2; exit 1; }

work=$(mktemp -d /tmp/fearless-distcc.XXXXXX)
mkdir -p "$work/dir"
chmod 755 "$work"
log=$work/distccd.log
: > "$log"
chmod 666 "$log"  # run as root, distccd drops to the user distcc before it opens the log
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
distccd --daemon --no-detach --listen 127.0.0.1 --port "$port" --allow 127.0.0.1 \
  --log-file "$log" --log-level info --jobs 2 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  grep -q "listening on 127.0.0.1:$port" "$log" && break
  kill -0 "$daemon" 2>/dev/null || { echo "distcc_test: distccd did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
grep -q "listening on 127.0.0.1:$port" "$log" || { echo "distcc_test: distccd is not listening" >&2; exit 1; }

run() {  # run NAME ARGS...: the subset, results in $work/NAME.json, wall time in $work/NAME.time
  local name=$1; shift
  local t0=$SECONDS
  "$tool" --compiler g++ --filter "$filter" --json "$work/$name.json" "$@" > "$work/$name.out" || true
  echo $((SECONDS - t0)) > "$work/$name.time"
  tail -1 "$work/$name.out"
}
echo "local:  $(run local)"
# No fallback: a job distcc cannot send to the daemon fails instead of quietly running here.
echo "distcc: $(DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 DISTCC_DIR="$work/dir" \
  run distcc --no-cache --launcher distcc)"

python3 - "$work" "$log" <<'PY'
import json, re, sys
work, log = sys.argv[1], sys.argv[2]
def verdicts(name):
    with open(f"{work}/{name}.json") as f:
        return {(r["case"], r["compiler"]): (r["status"], r["reason"]) for r in json.load(f)["results"]}
local, remote = verdicts("local"), verdicts("distcc")
bad = [f"  {k[0]} [{k[1]}]: local {local.get(k)}, distcc {remote.get(k)}"
       for k in sorted(set(local) | set(remote)) if local.get(k) != remote.get(k)]
with open(f"{work}/distcc.json") as f:
    sent = sum(1 for r in json.load(f)["results"] if any(re.search(r" -c -o ", c) for c in r["commands"]))
compiled = len(re.findall(r"COMPILE_OK", open(log).read()))
times = [open(f"{work}/{n}.time").read().strip() for n in ("local", "distcc")]
print(f"distcc_test: {len(local)} jobs, verdicts equal: {not bad}; distccd compiled {compiled} of the "
      f"{sent} jobs that compile with -c (the rest run -fsyntax-only locally); "
      f"local {times[0]} s, through distcc {times[1]} s")
if not local:
    sys.exit("distcc_test: the subset is empty")
if bad:
    sys.exit("distcc_test: verdicts differ:\n" + "\n".join(bad))
if sent == 0 or compiled != sent:
    sys.exit(f"distcc_test: expected the daemon to compile each of the {sent} -c jobs, its log shows {compiled}")
PY
