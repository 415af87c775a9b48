#!/usr/bin/env python3
"""Times commands round-robin, so that their ratios share the machine's moods.

hyperfine times one command's runs one after another, then the next
command's. On a small shared machine the load drifts over the minutes that
takes, and a ratio of two medians taken minutes apart carries that drift
(on the 2-core machine of docs/performance.md a cold `validate` of M moved
from 0.59 to 0.93 s between two such runs). Here every round runs each
command once, in turn, so each ratio compares runs seconds apart; the
median of each command over the rounds is reported, with the spread of the
per-round ratios.

Usage:
    interleave.py --rounds N --out FILE.json \
        NAME='PREPARE' 'COMMAND' [NAME='PREPARE' 'COMMAND' ...]

Each measure is a pair: NAME=PREPARE (a shell command run, untimed, before
each timed run; empty for none) and COMMAND (run without a shell, split on
white space, its output discarded). Writes FILE.json: for each name its
per-round wall and CPU seconds (user + system of the child, from wait4).
Prints one line per measure: median wall and CPU in milliseconds.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run_once(argv):
    """Runs argv with its output discarded; returns (wall s, cpu s, status)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        start = time.perf_counter()
        pid = os.posix_spawnp(
            argv[0],
            argv,
            dict(os.environ),
            file_actions=[
                (os.POSIX_SPAWN_DUP2, devnull, 1),
                (os.POSIX_SPAWN_DUP2, devnull, 2),
            ],
        )
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.close(devnull)
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first")
    parser.add_argument("--out", required=True)
    parser.add_argument("pairs", nargs="+", help="NAME=PREPARE COMMAND ...")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        sys.exit("interleave.py: give NAME=PREPARE COMMAND pairs")
    measures = []
    for head, command in zip(args.pairs[0::2], args.pairs[1::2]):
        name, _, prepare = head.partition("=")
        measures.append((name, prepare, command.split()))
    results = {name: {"wall": [], "cpu": [], "status": []} for name, _, _ in measures}
    for round_ in range(args.warmup + args.rounds):
        for name, prepare, argv in measures:
            if prepare:
                subprocess.run(prepare, shell=True, check=True)
            wall, cpu, status = run_once(argv)
            if round_ >= args.warmup:
                results[name]["wall"].append(wall)
                results[name]["cpu"].append(cpu)
                results[name]["status"].append(status)
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)
    for name, _, _ in measures:
        r = results[name]
        print(
            f"{name}: wall {statistics.median(r['wall']) * 1000:.1f} ms, "
            f"cpu {statistics.median(r['cpu']) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
