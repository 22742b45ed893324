#!/usr/bin/env python3
"""Side-by-side table of one bench/run.sh run: eddy against DynamoDB Local, Dynoxide and the
fixed-response server, with the targets checked (throughput >= min(10x DynamoDB Local, 60% of the
fixed server) and a lower p99 than DynamoDB Local), then, when the run had them, a second table of
Dynoxide and of eddy's sustained pass (BENCH_SUSTAINED): eddy at least 3x Dynoxide (1.5x for
GetItem), and the sustained pass within 20% of the first.
    compare.py RESULTS.tsv METRICS.tsv
"""
import sys


def load_results(path):
    rows = {}
    for line in open(path):
        label, workload, available, rate, unit, p50, p99, errors, note = line.rstrip("\n").split("\t", 8)
        rows[(label, workload)] = dict(available=available == "yes", rate=float(rate), unit=unit,
                                       p50=float(p50), p99=float(p99), errors=int(errors), note=note)
    return rows


def cell(row, fmt="{:.0f}"):
    if row is None:
        return "-"
    if not row["available"]:
        return "n/a"
    return fmt.format(row["rate"]) + (" ERR" if row["errors"] else "")


def verdict(eddy, local, fixed):
    if eddy is None or not eddy["available"]:
        return "not available in eddy"
    if eddy["unit"] == "-":  # latency-only workload
        return "met" if eddy["p99"] < 5 else f"p99 {eddy['p99']:.1f} ms >= 5 ms"
    goals = []
    if local and local["available"] and local["rate"] > 0:
        goals.append(10 * local["rate"])
    if fixed and fixed["available"] and fixed["rate"] > 0 and eddy["unit"] == "req/s":
        goals.append(0.6 * fixed["rate"])
    if not goals:
        return "no reference"
    goal = min(goals)
    slower_p99 = local and local["available"] and eddy["p99"] >= local["p99"]
    if eddy["rate"] >= goal and not slower_p99:
        return "met"
    parts = []
    if eddy["rate"] < goal:
        parts.append(f"{eddy['rate'] / goal:.0%} of goal {goal:.0f}")
    if slower_p99:
        parts.append("p99 not lower")
    return ", ".join(parts)


def peer_verdict(workload, eddy, dynoxide, sustained):
    parts = []
    if eddy and dynoxide and eddy["available"] and dynoxide["available"] and dynoxide["rate"] > 0 \
            and eddy["unit"] != "-":
        goal = (1.5 if workload == "get" else 3) * dynoxide["rate"]
        if eddy["rate"] < goal:
            parts.append(f"{eddy['rate'] / goal:.0%} of {goal / dynoxide['rate']:.1f}x Dynoxide")
    if eddy and sustained and eddy["available"] and sustained["available"] and eddy["rate"] > 0 \
            and eddy["unit"] != "-" and sustained["rate"] < 0.8 * eddy["rate"]:
        parts.append(f"sustained at {sustained['rate'] / eddy['rate']:.0%} of the first pass")
    return ", ".join(parts) or "met"


def peers(rows, workloads):
    """eddy beside Dynoxide and beside its own sustained pass, when the run had them."""
    labels = {label for (label, _) in rows}
    if not labels & {"dynoxide", "eddy_sustained"}:
        return
    print()
    header = f"{'workload':<15}{'eddy':>10}{'Dynoxide':>10}{'p50/p99 ms':>16}{'eddy/Dynoxide':>15}" \
             f"{'sustained':>11}{'sust./first':>12}  target"
    print(header)
    print("-" * len(header))
    for workload in workloads:
        eddy, dynoxide, sustained = (rows.get((label, workload)) for label in ("eddy", "dynoxide", "eddy_sustained"))
        lat = lambda r: f"{r['p50']:.2f}/{r['p99']:.2f}" if r and r["available"] else "-"
        ratio = lambda a, b: f"{a['rate'] / b['rate']:.2f}x" if a and b and a["available"] and b["available"] \
            and b["rate"] > 0 and a["unit"] != "-" else "-"
        print(f"{workload:<15}{cell(eddy):>10}{cell(dynoxide):>10}{lat(dynoxide):>16}{ratio(eddy, dynoxide):>15}"
              f"{cell(sustained):>11}{ratio(sustained, eddy):>12}  {peer_verdict(workload, eddy, dynoxide, sustained)}")


def main():
    rows = load_results(sys.argv[1])
    workloads = []
    for (_, workload) in rows:
        if workload not in workloads:
            workloads.append(workload)
    header = f"{'workload':<15}{'unit':>10}{'eddy':>10}{'p50/p99 ms':>16}{'DDB Local':>11}{'p50/p99 ms':>18}" \
             f"{'fixed':>9}{'eddy/Local':>11}{'eddy/fixed':>11}  target"
    print(header)
    print("-" * len(header))
    for workload in workloads:
        eddy, local, fixed = (rows.get((label, workload)) for label in ("eddy", "local", "fixed"))
        unit = next((r["unit"] for r in (eddy, local, fixed) if r and r["available"]), "")
        lat = lambda r: f"{r['p50']:.2f}/{r['p99']:.2f}" if r and r["available"] else "-"
        ratio = lambda a, b: f"{a['rate'] / b['rate']:.1f}x" if a and b and a["available"] and b["available"] \
            and b["rate"] > 0 and a["unit"] != "-" else "-"
        print(f"{workload:<15}{unit:>10}{cell(eddy):>10}{lat(eddy):>16}{cell(local):>11}{lat(local):>18}"
              f"{cell(fixed):>9}{ratio(eddy, local):>11}{ratio(eddy, fixed):>11}  {verdict(eddy, local, fixed)}")
    peers(rows, workloads)
    for row_key, row in rows.items():
        if row["note"] and (row["errors"] or not row["available"]):
            print(f"  {row_key[0]} {row_key[1]}: {row['note']}")
    if len(sys.argv) > 2:
        print()
        metrics = {}
        for line in open(sys.argv[2]):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3:
                continue
            label, name, value = fields
            metrics.setdefault(name, {})[label] = value
        targets = {"cold_start_ms": 20, "idle_rss_mb": 20, "peak_rss_mb": 200}
        for name, values in metrics.items():
            goal = targets.get(name)
            eddy = values.get("eddy", "-")
            status = ""
            if goal is not None and eddy not in ("-", ""):
                status = "met" if float(eddy) < goal else f"target < {goal}"
            print(f"{name:<26} eddy {eddy:>8}   DynamoDB Local {values.get('local', '-'):>8}   "
                  f"Dynoxide {values.get('dynoxide', '-'):>7}   fixed server {values.get('fixed', '-'):>6}   "
                  f"{status}")


if __name__ == "__main__":
    main()
