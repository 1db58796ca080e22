#!/usr/bin/env python3
"""measure_process.py RUNS CMD...: whole-process wall time and peak RSS via /usr/bin/time -v; median/p99/worst."""
import subprocess, sys, re, statistics
runs = int(sys.argv[1]); cmd = sys.argv[2:]
times, rss, cpu = [], [], []
for _ in range(runs):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    e = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    t = (int(e.group(1) or 0) * 3600 + int(e.group(2)) * 60 + float(e.group(3))) * 1000
    m = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    u = float(re.search(r"User time \(seconds\): ([\d.]+)", p.stderr).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", p.stderr).group(1))
    times.append(t); rss.append(m); cpu.append(u * 1000)
times.sort()
p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
print(f"{' '.join(cmd)}\n  runs {runs}: median {statistics.median(times):.0f} ms, p99 {p99:.0f} ms, worst {times[-1]:.0f} ms, best {times[0]:.0f} ms; peak RSS median {statistics.median(rss)/1024:.1f} MB, max {max(rss)/1024:.1f} MB; cpu (user+sys) median {statistics.median(cpu):.0f} ms")
