#!/usr/bin/env python3
"""measure_tui.py BIN DATA_DIR [--content DECK] [--idle SECONDS]: the interface in a 120x40 pty.
Start to Home drawn (first frame's last byte), resident memory, idle CPU on Home, cursor-move latency."""
import os, pty, sys, time, select, fcntl, termios, struct, argparse
ap = argparse.ArgumentParser()
ap.add_argument("bin"); ap.add_argument("data"); ap.add_argument("--content"); ap.add_argument("--idle", type=float, default=10)
ap.add_argument("--moves", type=int, default=20)
a = ap.parse_args()
args = [a.bin, "--data-dir", a.data] + (["--content", a.content] if a.content else [])
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.environ["TERM"] = "xterm-256color"
    os.execv(a.bin, args)
buf = b""
def read_until_quiet(quiet, deadline=60):
    """Reads until `quiet` s pass with no output; returns (bytes, time of first byte, time of last byte)."""
    global buf
    first = last = None; got = b""; end = time.monotonic() + deadline
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            if got: break
            continue
        try: data = os.read(fd, 65536)
        except OSError: break
        now = time.monotonic()
        first = first or now; last = now; got += data
    buf += got
    return got, first, last
def read_frame(deadline=60, marker=None, minimum=30):
    """Reads bursts (ended by 50 ms of silence) until one holds `marker` / more than `minimum` bytes
    (an idle redraw of an unchanged screen writes ~25); returns (bytes, first byte time, last byte time)."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        got, first, last = read_until_quiet(0.05, deadline=end - time.monotonic())
        if got and (marker in got if marker else len(got) > minimum):
            return got, first, last
    return b"", None, None
got, first, last = read_frame(marker=b"Home")
assert got
start_ms = (last - t0) * 1000
def status():
    d = {}
    for line in open(f"/proc/{pid}/status"):
        k, _, v = line.partition(":"); d[k] = v.strip()
    return d
def cpu_ticks():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12])
hz = os.sysconf("SC_CLK_TCK")
c0 = cpu_ticks(); i0 = time.monotonic()
idle_bytes, _, _ = read_until_quiet(a.idle, deadline=a.idle)
c1 = cpu_ticks(); i1 = time.monotonic()
idle_cpu = (c1 - c0) / hz / (i1 - i0) * 100
st = status()
lat = []
for i in range(a.moves):
    key = b"j" if i % 2 == 0 else b"k"
    s = time.monotonic(); os.write(fd, key)
    got, first, last = read_frame(deadline=10)
    if first: lat.append(((first - s) * 1000, (last - s) * 1000))
os.write(fd, b"q")
_, status_code = os.waitpid(pid, 0)
lat.sort()
def pct(xs, p): return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else float("nan")
firsts = sorted(x[0] for x in lat); lasts = sorted(x[1] for x in lat)
print(f"start to Home drawn {start_ms:.0f} ms; RSS {st['VmRSS']} (peak {st['VmHWM']}); idle CPU {idle_cpu:.1f}% over {i1-i0:.1f}s ({len(idle_bytes)} bytes written while idle); "
      f"cursor move to last byte: median {pct(lasts,0.5):.1f} ms, worst {lasts[-1] if lasts else float('nan'):.1f} ms ({len(lat)}/{a.moves} moves redrew); exit {status_code}")
