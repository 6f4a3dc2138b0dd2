"""Compare two `scripts/bench.py` outputs taken on the same code at two sizes of the generated partnership
(for example `--scale 0.5` and `--scale 2`, four times the rows): per page, the median's growth and whether
the query count grew. Run both benches at the same time, so both see the same machine load:

    python scripts/bench.py --database-url sqlite:///var/half.sqlite3 --user-email ... > half.txt &
    python scripts/bench.py --database-url sqlite:///var/double.sqlite3 --user-email ... > double.txt
    python scripts/bench_growth.py half.txt double.txt

The goal (issue 14): no page's median grows more than 1.5 times, and no page's query count grows. It only
prints."""

import re
import sys

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


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
