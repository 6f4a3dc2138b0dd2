"""Per page, how the server time grows between two sizes of the generated partnership (for example
`--scale 0.5` and `--scale 2`, four times the rows), and whether the query count grows. The goal (issue
14): no page's median grows more than 1.5 times, and no page's query count grows. It only prints.

Turn about (the way to trust on a machine whose speed drifts): two `bench.py --serve` processes, one per
database, each request of one beside the same request of the other, in alternating order:

    python scripts/bench_growth.py --small sqlite:///var/half.sqlite3 --large sqlite:///var/double.sqlite3 \
        --user-email admin@large.example.org [--only "Annual training"]...

Or compare two `scripts/bench.py` outputs taken on the same code, both benches run at the same time:

    python scripts/bench_growth.py half.txt double.txt"""

import argparse
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROW = re.compile(
    r"^(?P<label>\S.*?)\s{2,}(?P<median>[\d.]+)\s+(?P<p95>[\d.]+)\s+(?P<sql>[\d.]+)\s+(?P<queries>\d+)\s"
)
GOAL = 1.5


def read(path):
    pages = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            found = ROW.match(line.rstrip("\n"))
            if found and not line.startswith(" "):
                pages[found["label"].strip()] = (float(found["median"]), int(found["queries"]))
    return pages


def main(small_path, large_path) -> int:
    small, large = read(small_path), read(large_path)
    print(f"{'page':<40}{'small ms':>10}{'large ms':>10}{'growth':>8}{'queries':>10}  verdict")
    missed = 0
    for label, (before, queries_before) in small.items():
        if label not in large:
            continue
        after, queries_after = large[label]
        growth = after / before if before else float("inf")
        verdict = []
        if growth > GOAL:
            verdict.append(f"time x{growth:.1f}")
        if queries_after > queries_before:
            verdict.append(f"queries {queries_before} -> {queries_after}")
        missed += bool(verdict)
        print(
            f"{label:<40}{before:>10.1f}{after:>10.1f}{growth:>7.2f}x{queries_before:>5} {queries_after:<4}"
            f"  {'; '.join(verdict) or 'ok'}"
        )
    print(f"{missed} of {len(small)} pages over the goal (time x{GOAL} or more queries)")
    return 0


REQUESTS = 30
BENCH = Path(__file__).resolve().parent / "bench.py"


class Server:
    """One `bench.py --serve` process: signed in on one database, timing a request when asked."""

    def __init__(self, url, email, only):
        command = [sys.executable, str(BENCH), "--serve", "--database-url", url, "--user-email", email]
        for word in only:
            command += ["--only", word]
        # Our own bench script and the URLs given on the command line: nothing from elsewhere.
        self.process = subprocess.Popen(  # noqa: S603
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for line in self.process.stdout:  # the bench's own header lines come first
            if line.startswith('{"labels"'):
                self.labels = json.loads(line)["labels"]
                break
        else:
            raise SystemExit(f"bench.py --serve on {url} stopped before it was ready")

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def turn_about(small_url, large_url, email, only) -> int:
    small, large = Server(small_url, email, only), Server(large_url, email, only)
    labels = [label for label in small.labels if label in large.labels]
    print(f"{small_url} against {large_url}: {REQUESTS} requests a page each, turn about")
    print(f"{'page':<40}{'small ms':>10}{'large ms':>10}{'growth':>8}{'SQL ms':>14}{'queries':>10}  verdict")
    missed = 0
    for label in labels:
        warm = [server.ask(warm=label) for server in (small, large)]
        times = {id(small): [], id(large): []}
        sqls = {id(small): [], id(large): []}
        for turn in range(REQUESTS):
            for server in (small, large) if turn % 2 == 0 else (large, small):
                answer = server.ask(time=label)
                times[id(server)].append(answer["ms"])
                sqls[id(server)].append(answer["sql"])
        before, after = statistics.median(times[id(small)]), statistics.median(times[id(large)])
        sql_before, sql_after = statistics.median(sqls[id(small)]), statistics.median(sqls[id(large)])
        growth = after / before if before else float("inf")
        queries_before, queries_after = warm[0]["queries"], warm[1]["queries"]
        verdict = []
        if growth > GOAL:
            verdict.append(f"time x{growth:.1f}")
        if queries_after > queries_before:
            verdict.append(f"queries {queries_before} -> {queries_after}")
        if warm[0]["status"] >= 400 or warm[1]["status"] >= 400:  # a large export is queued: a redirect
            verdict.append(f"HTTP {warm[0]['status']} / {warm[1]['status']}")
        missed += bool(verdict)
        print(
            f"{label:<40}{before:>10.1f}{after:>10.1f}{growth:>7.2f}x{sql_before:>7.1f}{sql_after:>7.1f}"
            f"{queries_before:>5} {queries_after:<4}  {'; '.join(verdict) or 'ok'}",
            flush=True,
        )
    small.close()
    large.close()
    print(f"{missed} of {len(labels)} pages over the goal (time x{GOAL} or more queries)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and not sys.argv[1].startswith("--"):
        sys.exit(main(*sys.argv[1:3]))
    parser = argparse.ArgumentParser(description="Growth of each page's time between two databases.")
    parser.add_argument("--small", required=True, help="Database URL of the smaller partnership")
    parser.add_argument("--large", required=True, help="Database URL of the larger one")
    parser.add_argument("--user-email", required=True, help="The business unit administrator of both")
    parser.add_argument(
        "--only", action="append", default=[], help="Only the pages whose label contains this"
    )
    ARGS = parser.parse_args()
    sys.exit(turn_about(ARGS.small, ARGS.large, ARGS.user_email, ARGS.only))
