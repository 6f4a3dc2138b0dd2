#!/usr/bin/env bash
# `make load-test`: 50 simulated people (locust, headless) for 5 minutes against gunicorn with several workers
# and the db_worker, on a throwaway PostgreSQL cluster holding a generated large partnership (ten years).
# Run through scripts/pg-test.sh, which provides DATABASE_URL and removes the cluster afterwards:
#   scripts/pg-test.sh scripts/load-test.sh
# Everything listens on 127.0.0.1 only. The generated database is kept as a dump in var/load-test/ and
# restored on the next run (regenerated when migrations or the generator change; LOAD_FRESH=1 forces it).
# Knobs: LOAD_USERS (50), LOAD_SPAWN_RATE (1 a second: people arrive over the first minute, as they sign
# in at different moments), LOAD_TIME (5m), LOAD_WORKERS (gunicorn, 4), LOAD_PORT (8765), LOAD_YEARS (10),
# LOAD_SCALE (1.0), LOAD_P95_LIMIT_MS (800). Exit status: locust's verdict (no failures,
# 95th percentile under the limit). Figures go to docs/performance.md ("Load") by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?run through scripts/pg-test.sh (make load-test does)}"

PY=.venv/bin/python
LOCUST=${LOCUST:-var/load-venv/bin/locust}
USERS=${LOAD_USERS:-50}
SPAWN_RATE=${LOAD_SPAWN_RATE:-1}
RUN_TIME=${LOAD_TIME:-5m}
WORKERS=${LOAD_WORKERS:-4}
PORT=${LOAD_PORT:-8765}
YEARS=${LOAD_YEARS:-10}
SCALE=${LOAD_SCALE:-1.0}
export LOAD_PASSWORD="load-test-password-$(date +%s)"
# By default the figures are those of 50 people already signed in: the statistics restart once everyone has
# arrived, so the 50 sign-ins of the first minute (each a deliberately slow password hash) are not counted.
# LOAD_COUNT_SIGN_INS=1 counts them too.
RESET_STATS=--reset-stats
[ -n "${LOAD_COUNT_SIGN_INS:-}" ] && RESET_STATS=""

workdir=var/load-test
mkdir -p "$workdir"
run=$(mktemp -d "${TMPDIR:-/tmp}/learningloop-load.XXXXXX")
# The load test's own settings: development settings with DEBUG off (static files collected, compressed),
# no authenticator app requirement for the simulated people, uploads in the run's own folder.
export DJANGO_SETTINGS_MODULE=learningloop.config.settings DJANGO_DEBUG=false \
  LEARNINGLOOP_VAR_DIR="$run/var" LEARNINGLOOP_MEDIA_ROOT="$run/uploads" \
  MFA_REQUIRED_ROLES= MFA_REQUIRED_FOR_RESTRICTED=false DATABASE_CONN_MAX_AGE=60 LOG_LEVEL=WARNING \
  DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost ALLAUTH_TRUSTED_PROXY_COUNT=1

pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$run"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -x "$LOCUST" ]; then
  echo "load-test: locust is missing ($LOCUST): make load-test installs it from requirements-load.txt" >&2
  exit 1
fi

step() { echo "load-test: $*"; }
pgbin() {  # pg_dump / pg_restore as core.backups finds them: PG_BINDIR, PATH, newest Debian cluster
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR/$1"; return; fi
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1
}
key=$(cat learningloop/*/migrations/*.py learningloop/devdata/large/*.py \
  learningloop/devdata/management/commands/generate_large_partnership.py | sha256sum | cut -c1-12)
dump="$workdir/large-y${YEARS}-s${SCALE}-${key}.dump"
password_file="$workdir/large-y${YEARS}-s${SCALE}-${key}.password"

if [ -f "$dump" ] && [ -f "$password_file" ] && [ -z "${LOAD_FRESH:-}" ]; then
  step "restoring the generated large partnership from $dump"
  LOAD_PASSWORD=$(cat "$password_file")
  "$(pgbin pg_restore)" --no-owner --no-acl --exit-on-error --dbname="$DATABASE_URL" "$dump"
  $PY manage.py migrate --no-input -v0
  # A restored database has no planner statistics until autovacuum gets to it (pg_restore's advice).
  "$(pgbin psql)" --quiet --dbname="$DATABASE_URL" --command=ANALYZE
else
  step "building a large partnership ($YEARS years, scale $SCALE): this takes several minutes"
  t0=$(date +%s)
  $PY manage.py migrate --no-input -v0
  $PY manage.py createcachetable
  $PY manage.py load_framework >/dev/null
  $PY manage.py generate_large_partnership --years "$YEARS" --scale "$SCALE" --password "$LOAD_PASSWORD"
  step "generated in $(( $(date +%s) - t0 )) s; keeping a dump for the next run"
  rm -f "$workdir"/large-y"${YEARS}"-s"${SCALE}"-*.dump "$workdir"/large-y"${YEARS}"-s"${SCALE}"-*.password
  "$(pgbin pg_dump)" --format=custom --file="$dump" "$DATABASE_URL"
  printf '%s' "$LOAD_PASSWORD" > "$password_file"
  chmod 600 "$password_file"
fi
export LOAD_PASSWORD

$PY manage.py collectstatic --no-input -v0
$PY scripts/load_fixture.py "$run/fixture.json"
export LOAD_FIXTURE="$run/fixture.json"

step "starting gunicorn ($WORKERS workers) on 127.0.0.1:$PORT and the db_worker"
.venv/bin/gunicorn learningloop.config.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --preload \
  --env DJANGO_SETTINGS_MODULE=learningloop.config.settings --timeout 60 --log-level warning \
  >"$run/gunicorn.log" 2>&1 &
pids+=($!)
$PY manage.py db_worker --interval 2 >"$run/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$run/gunicorn.log" >&2; exit 1; }
# Servers in production are warm: let each gunicorn worker load its templates before the measured run.
for _ in $(seq 1 $((WORKERS * 3))); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/accounts/login/"; done

step "$USERS people for $RUN_TIME (spawning $SPAWN_RATE a second)"
rc=0
"$LOCUST" -f scripts/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  --users "$USERS" --spawn-rate "$SPAWN_RATE" --run-time "$RUN_TIME" --stop-timeout 10 \
  --csv "$workdir/last" --only-summary --loglevel WARNING $RESET_STATS || rc=$?
if grep -q "Internal Server Error" "$run/gunicorn.log"; then
  echo "load-test: the service answered 500 (gunicorn's log):" >&2
  grep -A30 "Internal Server Error" "$run/gunicorn.log" | head -80 >&2
  rc=1
fi
step "figures in $workdir/last_stats.csv; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$rc"
