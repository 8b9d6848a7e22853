"""Turns results.tsv (one row per round, target and connection count) into markdown tables:
medians over rounds, then each target's ratios to YARP and to nginx."""
import csv
import math
import statistics
import sys
from collections import defaultdict

ORDER = ["direct", "yarp", "nginx", "gateway", "gatewaypets", "rest", "restproxy", "restkey", "restcache", "restmock"]


def median(values):
    values = [v for v in values if not math.isnan(v)]
    return statistics.median(values) if values else math.nan


def fmt(value, digits=0):
    return "n/a" if math.isnan(value) else f"{value:,.{digits}f}"


def ratio(a, b):
    return "n/a" if math.isnan(a) or math.isnan(b) or b == 0 else f"{a / b:.2f}x"


rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
cells = defaultdict(list)
for row in rows:
    cells[(row["target"], int(row["connections"]))].append(row)

targets = sorted({t for t, _ in cells}, key=lambda t: ORDER.index(t) if t in ORDER else len(ORDER))
conns = sorted({c for _, c in cells})
summary = {}
for key, group in cells.items():
    summary[key] = {
        "rps": median([float(r["rps"]) for r in group]),
        "p50": median([float(r["p50_ms"]) for r in group]),
        "p99": median([float(r["p99_ms"]) for r in group]),
        "rps_all": [r["rps"] for r in group],
        "cpu": median([float(r.get("target_cpu_us_per_req", "nan")) for r in group]),
        "backend_cpu": median([float(r.get("backend_cpu_us_per_req", "nan")) for r in group]),
        "other": max(float(r.get("other_cpu_pct", "nan")) for r in group),
        "steal": max(float(r.get("steal_pct", "nan")) for r in group),
        "errors": sum(int(r["non2xx"]) + int(r["socket_errors"]) for r in group),
    }

print("| target | connections | requests/s (median) | p50 ms | p99 ms | requests/s per round | target CPU µs/req | backend CPU µs/req | others' CPU % (max) | non-2xx + socket errors |")
print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
for c in conns:
    for t in targets:
        s = summary.get((t, c))
        if s:
            print(f"| {t} | {c} | {fmt(s['rps'])} | {fmt(s['p50'], 2)} | {fmt(s['p99'], 2)} | {' / '.join(s['rps_all'])} | {fmt(s['cpu'], 1)} | {fmt(s['backend_cpu'], 1)} | {fmt(s['other'], 1)} | {s['errors']} |")

print()
print("CPU µs/req: CPU time the target process (nginx: master and workers) and the backend used per request"
      " during the measurement. Others' CPU %: the most that processes outside the benchmark (neither wrk nor"
      f" a target nor the backend) took of the whole machine during any round; steal (the hypervisor) peaked at"
      f" {max(s['steal'] for s in summary.values()):.1f}%.")

for base in ("yarp", "nginx"):
    if not any(t == base for t, _ in cells):
        continue
    print()
    print(f"Ratios to {base} (throughput higher is better; latency lower is better):")
    print()
    print("| target | connections | requests/s | p50 | p99 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for c in conns:
        b = summary.get((base, c))
        for t in targets:
            s = summary.get((t, c))
            if s and b and t != base:
                print(f"| {t} | {c} | {ratio(s['rps'], b['rps'])} | {ratio(s['p50'], b['p50'])} | {ratio(s['p99'], b['p99'])} |")

if ("gateway", conns[0]) in summary and ("yarp", conns[0]) in summary:
    print()
    print("Targets: gateway requests/s >= 0.9x YARP, gateway p99 <= 1.25x YARP.")
    print()
    for c in conns:
        g, y = summary.get(("gateway", c)), summary.get(("yarp", c))
        if g and y:
            ok_rps = g["rps"] >= 0.9 * y["rps"]
            ok_p99 = g["p99"] <= 1.25 * y["p99"]
            print(f"- {c} connections: throughput {ratio(g['rps'], y['rps'])} ({'met' if ok_rps else 'NOT met'}), "
                  f"p99 {ratio(g['p99'], y['p99'])} ({'met' if ok_p99 else 'NOT met'})")
    print()
    print("Paired within each round (the two ran within a minute of each other, so slow drift of the host cancels out):")
    print()
    for c in conns:
        by_round = {}
        for r in rows:
            if int(r["connections"]) == c and r["target"] in ("gateway", "yarp"):
                by_round.setdefault(r["round"], {})[r["target"]] = r
        pairs = [(float(v["gateway"]["rps"]) / float(v["yarp"]["rps"]), float(v["gateway"]["p99_ms"]) / float(v["yarp"]["p99_ms"]))
                 for v in by_round.values() if "gateway" in v and "yarp" in v]
        if pairs:
            print(f"- {c} connections: throughput {' / '.join(f'{p[0]:.2f}x' for p in pairs)} (median {median([p[0] for p in pairs]):.2f}x), "
                  f"p99 {' / '.join(f'{p[1]:.2f}x' for p in pairs)} (median {median([p[1] for p in pairs]):.2f}x)")

if ("rest", conns[0]) in summary and ("gateway", conns[0]) in summary:
    print()
    print("REST target: the REST API's templated route (request template, 100-item reshape response template) "
          "requests/s >= 0.8x the HTTP API's HTTP_PROXY route (\"gateway\").")
    print()
    for c in conns:
        r, g = summary.get(("rest", c)), summary.get(("gateway", c))
        if r and g:
            ok = r["rps"] >= 0.8 * g["rps"]
            paired = []
            for rnd in sorted({row["round"] for row in rows}, key=int):
                pair = {row["target"]: row for row in rows if row["round"] == rnd and int(row["connections"]) == c}
                if "rest" in pair and "gateway" in pair:
                    paired.append(float(pair["rest"]["rps"]) / float(pair["gateway"]["rps"]))
            paired_text = " / ".join(f"{p:.2f}x" for p in paired)
            print(f"- {c} connections: {ratio(r['rps'], g['rps'])} ({'met' if ok else 'NOT met'}); paired per round {paired_text}; "
                  f"CPU per request {fmt(r['cpu'], 1)} µs against {fmt(g['cpu'], 1)} µs")


def paired(target, base, c):
    """The target's requests/s over the base's, round by round (they ran within a minute of each other)."""
    out = []
    for rnd in sorted({row["round"] for row in rows}, key=int):
        pair = {row["target"]: row for row in rows if row["round"] == rnd and int(row["connections"]) == c}
        if target in pair and base in pair:
            out.append(float(pair[target]["rps"]) / float(pair[base]["rps"]))
    return " / ".join(f"{p:.2f}x" for p in out)


for target, base, factor, text in (
    ("restkey", "restproxy", 0.95, "REST HTTP_PROXY method with an API key and a usage plan (throttle and quota far above the load) requests/s >= 0.95x the same method without (\"restproxy\")."),
    ("restcache", "direct", 1.0, "REST HTTP_PROXY method served from the stage's cache requests/s >= the direct backend's."),
):
    if (target, conns[0]) in summary and (base, conns[0]) in summary:
        print()
        print(text)
        print()
        for c in conns:
            t, b = summary.get((target, c)), summary.get((base, c))
            if t and b:
                # Answers that were errors (a throttle, a refused key) are not the comparison's subject: no verdict then.
                errors = t["errors"] + b["errors"]
                ok = t["rps"] >= factor * b["rps"] and errors == 0
                verdict = f"INVALID: {errors} non-2xx or socket errors" if errors else ("met" if ok else "NOT met")
                print(f"- {c} connections: {ratio(t['rps'], b['rps'])} ({verdict}); paired per round {paired(target, base, c)}; "
                      f"CPU per request {fmt(t['cpu'], 1)} µs against {fmt(b['cpu'], 1)} µs")
