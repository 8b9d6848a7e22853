"""Reads one `wrk --latency` report; prints rps, p50 ms, p99 ms, non-2xx count, socket errors and, given
the CPU clock ticks the target and the backend used during the run, their CPU microseconds per request
(tab-separated). Arguments: REPORT [DURATION TICKS_PER_SECOND TARGET_TICKS BACKEND_TICKS]."""
import re
import sys

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def latency_ms(text: str, percentile: str) -> str:
    m = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    return f"{float(m.group(1)) * UNITS_MS[m.group(2)]:.3f}" if m else "nan"


def cpu_us_per_request(ticks: str, ticks_per_second: str, requests: int) -> str:
    return f"{int(ticks) / int(ticks_per_second) * 1e6 / requests:.1f}" if requests else "nan"


def main(path: str, *cpu: str) -> None:
    text = open(path, encoding="utf-8", errors="replace").read()
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = sum(int(g) for g in sock.groups()) if sock else 0
    total = re.search(r"^\s*(\d+) requests in", text, re.M)
    requests = int(total.group(1)) if total else 0
    target_cpu = cpu_us_per_request(cpu[2], cpu[1], requests) if len(cpu) == 4 else "nan"
    backend_cpu = cpu_us_per_request(cpu[3], cpu[1], requests) if len(cpu) == 4 else "nan"
    print("\t".join([
        f"{float(rps.group(1)):.0f}" if rps else "nan",
        latency_ms(text, "50"),
        latency_ms(text, "99"),
        non2xx.group(1) if non2xx else "0",
        str(socket_errors),
        target_cpu,
        backend_cpu,
    ]))


main(*sys.argv[1:])
