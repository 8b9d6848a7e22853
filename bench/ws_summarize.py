#!/usr/bin/env python3
"""Summarizes a WebSocket benchmark run (bench/ws.sh): one table of figures, one of the gateway against
its targets (memory and broadcast as ratios to the bare server, connects/s and push p99 absolute)."""
import json
import math
import pathlib
import sys

MEMORY_RATIO, CONNECTS, PUSH_P99_MS, BROADCAST_RATIO = 1.25, 5000, 2.0, 1.25


def fmt(value, digits=1):
    if value is None or isinstance(value, str) or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def load(folder):
    runs = {}
    for path in sorted(pathlib.Path(folder).glob("*.json")):
        target, size = path.stem.rsplit("-", 1)
        runs[(int(size), target)] = json.loads(path.read_text())
    return runs


def figures_table(runs):
    print("| connections | target | opened (failed) | bytes per idle connection | connects/s | server CPU µs per connect | "
          "machine busy % while connecting | push p50 ms | push p99 ms | push max ms | pushes lost | push errors | "
          "server CPU µs per push | broadcast ms (median) | broadcast ms per round | members reached |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for (size, target), run in sorted(runs.items()):
        c, m, p, b = run.get("connect") or {}, run.get("memory") or {}, run.get("push") or {}, run.get("broadcast") or {}
        rounds = " / ".join(fmt(ms) for ms in b.get("roundsMs", []))
        reached = f"{min(b['roundsReached']):,} of {b.get('members', 0):,}" if b.get("roundsReached") else "–"
        print(f"| {size:,} | {target} | {c.get('opened', 0):,} ({c.get('failed', 0)}) | {fmt(m.get('bytesPerConnection'), 0)} | "
              f"{fmt(c.get('perSecond'), 0)} | {fmt(c.get('serverCpuMicrosecondsPerConnect'), 0)} | {fmt(c.get('machineBusyPercent'), 0)} | "
              f"{fmt(p.get('p50Ms'), 2)} | {fmt(p.get('p99Ms'), 2)} | {fmt(p.get('maxMs'), 2)} | {p.get('lost', '–')} | "
              f"{p.get('httpErrors', '–')} | {fmt(p.get('serverCpuMicrosecondsPerPush'), 0)} | {fmt(b.get('medianMs'))} | {rounds or '–'} | "
              f"{reached} |")
    notes = [(size, target, run["firstError"]) for (size, target), run in sorted(runs.items())
             for run in [run.get("connect") or {}] if run.get("firstError")]
    notes += [(size, target, run["firstHttpError"]) for (size, target), run in sorted(runs.items())
              for run in [run.get("push") or {}] if run.get("firstHttpError")]
    notes += [(size, target, f"{run['unexpectedFrames']} unexpected frames, last: {run['lastUnexpectedFrame']}")
              for (size, target), run in sorted(runs.items()) if run.get("unexpectedFrames")]
    notes += [(size, target, note) for (size, target), run in sorted(runs.items()) for note in run.get("notes", [])]
    for size, target, note in notes:
        print(f"\n- {target} at {size:,}: {note}")


def ratio(gateway, bare):
    return gateway / bare if gateway is not None and bare not in (None, 0) else None


def verdict(ok):
    return "–" if ok is None else ("met" if ok else "**not met**")


def targets_table(runs):
    print("\n| connections | gateway memory per connection vs bare (≤ 1.25x) | connects/s (≥ 5,000) | push p99 at 2,000/s (< 2 ms) | broadcast time vs bare (≤ 1.25x) |")
    print("| ---: | --- | --- | --- | --- |")
    for size in sorted({size for size, _ in runs}):
        gateway, bare = runs.get((size, "gateway")), runs.get((size, "bare"))
        if gateway is None:
            continue
        bare = bare or {}
        memory = ratio((gateway.get("memory") or {}).get("bytesPerConnection"), (bare.get("memory") or {}).get("bytesPerConnection"))
        connects = (gateway.get("connect") or {}).get("perSecond")
        bare_connects = (bare.get("connect") or {}).get("perSecond")
        p99 = (gateway.get("push") or {}).get("p99Ms")
        bare_p99 = (bare.get("push") or {}).get("p99Ms")
        broadcast = ratio((gateway.get("broadcast") or {}).get("medianMs"), (bare.get("broadcast") or {}).get("medianMs"))
        cells = [
            f"{fmt(memory, 2)}x — {verdict(None if memory is None else memory <= MEMORY_RATIO)}",
            f"{fmt(connects, 0)} ({fmt(ratio(connects, bare_connects), 2)}x bare) — {verdict(None if connects is None else connects >= CONNECTS)}",
            "–" if p99 is None else f"{fmt(p99, 2)} ms (bare {fmt(bare_p99, 2)}) — {verdict(p99 < PUSH_P99_MS)}",
            f"{fmt(broadcast, 2)}x — {verdict(None if broadcast is None else broadcast <= BROADCAST_RATIO)}",
        ]
        print(f"| {size:,} | " + " | ".join(cells) + " |")


def main():
    runs = load(sys.argv[1])
    if not runs:
        print("No results.")
        return
    figures_table(runs)
    targets_table(runs)


if __name__ == "__main__":
    main()
