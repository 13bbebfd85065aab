#!/usr/bin/env python3
"""Seed 001 Fig. 4B report: reads the merged CSV of resources/sweeps/ei_jump_regimes.json (or
ei_jump_reference.json) and prints, as Markdown, what docs/models/ei-spiking.md quotes:
the ratio t95 CANN only / t95 coupled per factor value (mean, std, n, share of seeds where the
coupled network is faster), the conditions with the largest and smallest mean ratio, and a
histogram of every job's ratio. Standard library only.

Usage: python3 scripts/ei-jump-report.py ei_jump_regimes/ei_jump_regimes_merged.csv
"""
import csv
import math
import sys
from collections import defaultdict

FACTORS = ["jumpSize", "stimHeight", "tauEs", "sEi", "noise"]


def stats(xs):
    n = len(xs)
    if n == 0:
        return math.nan, math.nan, 0
    m = sum(xs) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1)) if n > 1 else 0.0
    return m, sd, n


def number(text):
    try:
        v = float(text)
    except ValueError:
        return math.nan
    return v


def main(path):
    rows = [r for r in csv.DictReader(open(path, newline="")) if r["status"] == "ok"]
    factors = [f for f in FACTORS if f in rows[0]]
    ratio = lambda r: number(r["t95_ratio"])
    finite = [r for r in rows if math.isfinite(ratio(r))]
    print(f"{len(rows)} jobs, {len(finite)} with both t95 measured "
          f"(the rest: a decode that never covered 95 % of the way)\n")

    m, sd, n = stats([ratio(r) for r in finite])
    faster = sum(ratio(r) > 1 for r in finite)
    print(f"All jobs: ratio {m:.2f} ± {sd:.2f} (n = {n}), coupled faster in {faster} "
          f"({100 * faster / max(n, 1):.0f} %)\n")

    print("| factor | value | ratio mean ± std | n | coupled faster | t95 coupled (ms) | "
          "t95 CANN only (ms) |")
    print("|---|---|---|---|---|---|---|")
    for f in factors:
        groups = defaultdict(list)
        for r in finite:
            groups[number(r[f])].append(r)
        for v in sorted(groups):
            g = groups[v]
            rm, rsd, rn = stats([ratio(r) for r in g])
            a = stats([number(r["t95_ms"]) for r in g])
            b = stats([number(r["t95_ms_cann"]) for r in g])
            fast = sum(ratio(r) > 1 for r in g)
            print(f"| {f} | {v:g} | {rm:.2f} ± {rsd:.2f} | {rn} | {100 * fast / rn:.0f} % | "
                  f"{a[0]:.0f} ± {a[1]:.0f} | {b[0]:.0f} ± {b[1]:.0f} |")
    print()

    conditions = defaultdict(list)
    for r in rows:
        conditions[tuple(number(r[f]) for f in factors)].append(r)
    summary = []
    for key, g in conditions.items():
        xs = [ratio(r) for r in g if math.isfinite(ratio(r))]
        cm, csd, cn = stats(xs)
        rates = stats([number(r["rate_E_hz"]) for r in g])[0]
        rates_cann = stats([number(r["rate_E_cann"]) for r in g])[0]
        summary.append((cm, csd, cn, len(g), key, rates, rates_cann,
                        sum(x > 1 for x in xs)))
    summary = [s for s in summary if s[2] >= max(1, s[3] // 2)]
    summary.sort(key=lambda s: -s[0])
    head = "| " + " | ".join(factors) + " | ratio mean ± std | n | coupled faster | " \
        "rate E coupled / CANN only (Hz) |"
    print(f"Conditions ({len(summary)} with t95 in at least half the seeds), largest mean ratio first:\n")
    print(head)
    print("|" + "---|" * (len(factors) + 4))
    shown = summary if len(summary) <= 12 else summary[:8] + [None] + summary[-4:]
    for s in shown:
        if s is None:
            print("| … |" + " |" * (len(factors) + 3))
            continue
        cm, csd, cn, total, key, ra, rb, fast = s
        print("| " + " | ".join(f"{v:g}" for v in key) +
              f" | {cm:.2f} ± {csd:.2f} | {cn} of {total} | {fast} | {ra:.1f} / {rb:.1f} |")
    above = [s for s in summary if s[0] >= 1.3]
    print(f"\nConditions with a mean ratio ≥ 1.3: {len(above)} of {len(summary)}; "
          f"≥ 1.5: {sum(s[0] >= 1.5 for s in summary)}\n")

    edges = [0, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, math.inf]
    counts = [0] * (len(edges) - 1)
    for r in finite:
        x = ratio(r)
        for k in range(len(counts)):
            if edges[k] <= x < edges[k + 1]:
                counts[k] += 1
    print("Histogram of every job's ratio:\n")
    print("| ratio | jobs | |")
    print("|---|---|---|")
    top = max(counts) or 1
    for k, c in enumerate(counts):
        hi = "∞" if math.isinf(edges[k + 1]) else f"{edges[k + 1]:g}"
        print(f"| [{edges[k]:g}, {hi}) | {c} | {'█' * round(40 * c / top)} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
