"""Groups a `perf report --sort dso,sym -t TAB` (self time) listing of a .NET process: kernel, runtime, JIT,
native libraries, and managed code by declaring assembly; then the heaviest managed methods."""
import re
import sys
from collections import defaultdict

NATIVE = {
    "[kernel.kallsyms]": "kernel (sockets, scheduler)",
    "libcoreclr.so": "runtime native (GC, thread pool, casts, stubs)",
    "libclrjit.so": "JIT compiler",
}
ASSEMBLY = re.compile(r"\[([A-Za-z][\w.]*)\] ")

groups = defaultdict(float)
methods = []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    parts = [p.strip() for p in line.rstrip("\n").split("\t")]
    if len(parts) < 3 or not parts[0].endswith("%"):
        continue
    share, dso, sym = float(parts[0].rstrip("%")), parts[1], parts[2][4:]
    if dso in NATIVE:
        groups[NATIVE[dso]] += share
    elif dso.startswith("[JIT]") or dso.startswith("perf-"):
        head = sym.split("::", 1)[0]
        found = ASSEMBLY.findall(head)
        name = found[-1] if found else "managed stubs"
        groups[f"managed: {name}"] += share
        methods.append((share, name, sym))
    else:
        groups[f"native: {dso}"] += share

print("Self CPU time by where it runs (% of the process's samples):")
for name, share in sorted(groups.items(), key=lambda kv: -kv[1]):
    if share >= 0.1:
        print(f"{share:6.2f}%  {name}")

print()
print("Heaviest managed methods (self):")
for share, _, sym in sorted(methods, key=lambda m: -m[0])[:40]:
    print(f"{share:6.2f}%  {sym[:220]}")

own = [m for m in methods if m[1].startswith("OrleansGateway")]
if own:
    print()
    print(f"OrleansGateway's own methods (self), {sum(m[0] for m in own):.2f}% in all:")
    for share, _, sym in sorted(own, key=lambda m: -m[0])[:40]:
        print(f"{share:6.2f}%  {sym[:220]}")
