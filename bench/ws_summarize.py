#!/usr/bin/env python3
"""Summarizes a WebSocket benchmark run (bench/ws.sh): one table of figures, one of the gateway against
its targets (memory and broadcast as ratios to the bare server, connects/s and push p99 absolute)."""
import json
import math
import pathlib
import re
import statistics
import sys

MEMORY_RATIO, CONNECTS, PUSH_P99_MS, BROADCAST_RATIO = 1.25, 5000, 2.0, 1.25


def fmt(value, digits=1):
    if value is None or isinstance(value, str) or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


RUN_NAME = re.compile(r"^(?P<target>.+)-(?P<size>\d+)(?:-r(?P<round>\d+))?$")


def load(folder):
    """Reports keyed by (size, target, round); round 0 when the run had one round (TARGET-SIZE.json)."""
    runs = {}
    for path in sorted(pathlib.Path(folder).glob("*.json")):
        match = RUN_NAME.match(path.stem)
        if match:
            runs[(int(match["size"]), match["target"], int(match["round"] or 0))] = json.loads(path.read_text())
    return runs


def median(values):
    values = [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return statistics.median(values) if values else None


def figures_table(runs):
    print("| connections | target | round | opened (failed) | bytes per idle connection | connects/s | server CPU µs per connect | "
          "machine busy % while connecting | push p50 ms | push p99 ms | push max ms | pushes lost | push errors | "
          "server CPU µs per push | broadcast ms (median) | broadcast ms per round | members reached |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for (size, target, rnd), run in sorted(runs.items()):
        c, m, p, b = run.get("connect") or {}, run.get("memory") or {}, run.get("push") or {}, run.get("broadcast") or {}
        rounds = " / ".join(fmt(ms) for ms in b.get("roundsMs", []))
        reached = f"{min(b['roundsReached']):,} of {b.get('members', 0):,}" if b.get("roundsReached") else "–"
        print(f"| {size:,} | {target} | {rnd or '–'} | {c.get('opened', 0):,} ({c.get('failed', 0)}) | {fmt(m.get('bytesPerConnection'), 0)} | "
              f"{fmt(c.get('perSecond'), 0)} | {fmt(c.get('serverCpuMicrosecondsPerConnect'), 0)} | {fmt(c.get('machineBusyPercent'), 0)} | "
              f"{fmt(p.get('p50Ms'), 2)} | {fmt(p.get('p99Ms'), 2)} | {fmt(p.get('maxMs'), 2)} | {p.get('lost', '–')} | "
              f"{p.get('httpErrors', '–')} | {fmt(p.get('serverCpuMicrosecondsPerPush'), 0)} | {fmt(b.get('medianMs'))} | {rounds or '–'} | "
              f"{reached} |")
    notes = [(size, target, run["firstError"]) for (size, target, _), run in sorted(runs.items())
             for run in [run.get("connect") or {}] if run.get("firstError")]
    notes += [(size, target, run["firstHttpError"]) for (size, target, _), run in sorted(runs.items())
              for run in [run.get("push") or {}] if run.get("firstHttpError")]
    notes += [(size, target, f"{run['unexpectedFrames']} unexpected frames, last: {run['lastUnexpectedFrame']}")
              for (size, target, _), run in sorted(runs.items()) if run.get("unexpectedFrames")]
    notes += [(size, target, note) for (size, target, _), run in sorted(runs.items()) for note in run.get("notes", [])]
    for size, target, note in notes:
        print(f"\n- {target} at {size:,}: {note}")


def ratio(gateway, bare):
    return gateway / bare if gateway is not None and bare not in (None, 0) else None


def verdict(ok):
    return "–" if ok is None else ("met" if ok else "**not met**")


def by_target(runs):
    """One report per (size, target): the round whose broadcast time is the median (the only round when there is one)."""
    grouped = {}
    for (size, target, _), run in runs.items():
        grouped.setdefault((size, target), []).append(run)
    chosen = {}
    for key, group in grouped.items():
        group.sort(key=lambda run: ((run.get("broadcast") or {}).get("medianMs") or math.inf))
        chosen[key] = group[(len(group) - 1) // 2]
    return chosen


def targets_table(runs):
    runs = by_target(runs)
    print("\n| connections | target | memory per connection vs bare (≤ 1.25x) | connects/s (≥ 5,000) | push p99 at 2,000/s (< 2 ms) | broadcast time vs bare (≤ 1.25x) |")
    print("| ---: | --- | --- | --- | --- | --- |")
    for size, name in sorted(key for key in runs if key[1].startswith("gateway")):
        gateway, bare = runs[(size, name)], runs.get((size, "bare")) or {}
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
        print(f"| {size:,} | {name} | " + " | ".join(cells) + " |")


BROADCAST_COLUMNS = [
    ("time to the last member, ms", "medianMs", 1),
    ("median member, ms", "medianHalfMs", 1),
    ("p99 member, ms", "medianP99Ms", 1),
    ("POST answered, ms", "medianPostMs", 1),
    ("deliveries/s", "deliveriesPerSecond", 0),
    ("server CPU µs per delivery", "serverCpuMicrosecondsPerDelivery", 2),
]


def broadcast_table(runs):
    """Broadcast figures per target, medians over rounds, and every round's time to the last member."""
    sized = sorted({(size, target) for size, target, _ in runs if (runs[(size, target, _)].get("broadcast"))})
    if not sized:
        return
    print("\nBroadcast, medians over rounds (each round's own figure is the median of its broadcasts):\n")
    print("| connections | target | rounds | " + " | ".join(title for title, _, _ in BROADCAST_COLUMNS)
          + " | time to the last member per round, ms | bytes per idle connection | connects/s |")
    print("| ---: | --- | ---: | " + " | ".join("---:" for _ in BROADCAST_COLUMNS) + " | --- | ---: | ---: |")
    for size, target in sized:
        group = [run for (s, t, _), run in sorted(runs.items()) if (s, t) == (size, target)]
        figures = [run.get("broadcast") or {} for run in group]
        cells = [fmt(median([f.get(key) for f in figures]), digits) for _, key, digits in BROADCAST_COLUMNS]
        per_round = " / ".join(fmt(f.get("medianMs")) for f in figures)
        memory = median([(run.get("memory") or {}).get("bytesPerConnection") for run in group])
        connects = median([(run.get("connect") or {}).get("perSecond") for run in group])
        print(f"| {size:,} | {target} | {len(group)} | " + " | ".join(cells) + f" | {per_round} | {fmt(memory, 0)} | {fmt(connects, 0)} |")

    variants = sorted({target for _, target in sized if target.startswith("gateway-")})
    if len(variants) == 2:
        a, b = variants
        print(f"\nPaired per round, {b} / {a} (below 1: {b} is faster):\n")
        for size in sorted({size for size, _ in sized}):
            rounds = sorted({rnd for s, t, rnd in runs if s == size and t in variants})
            for _, key, _ in BROADCAST_COLUMNS[:4]:
                pairs = []
                for rnd in rounds:
                    first = (runs.get((size, a, rnd)) or {}).get("broadcast") or {}
                    second = (runs.get((size, b, rnd)) or {}).get("broadcast") or {}
                    value = ratio(second.get(key), first.get(key))
                    if value is not None:
                        pairs.append(value)
                if pairs:
                    print(f"- {size:,}, {key}: " + " / ".join(f"{p:.2f}x" for p in pairs) + f" (median {median(pairs):.2f}x)")


def main():
    runs = load(sys.argv[1])
    if not runs:
        print("No results.")
        return
    figures_table(runs)
    targets_table(runs)
    broadcast_table(runs)


if __name__ == "__main__":
    main()
