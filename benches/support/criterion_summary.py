#!/usr/bin/env python3
"""criterion_summary.py: median / p99 / worst per-iteration time of every criterion benchmark's latest samples."""
import json, glob, os, statistics
for f in sorted(glob.glob("target/criterion/**/new/sample.json", recursive=True)):
    d = json.load(open(f))
    xs = sorted(t / i for t, i in zip(d["times"], d["iters"]))
    p99 = xs[min(len(xs) - 1, int(round(0.99 * (len(xs) - 1))))]
    name = json.load(open(os.path.join(os.path.dirname(f), "benchmark.json")))["full_id"]
    print(f"{name}: median {statistics.median(xs)/1e6:.2f} ms, p99 {p99/1e6:.2f} ms, worst {xs[-1]/1e6:.2f} ms ({len(xs)} samples)")
