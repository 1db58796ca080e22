#!/usr/bin/env python3
"""measure_flows.py BIN DATA_DIR [--content DECK] [--runs N] [--flows a,b,...] [--idle S]: the interface in a
120x40 pseudo-terminal, driven by keys, timed from each key to the frame that answers it.

Flows (each in a fresh process, N runs each; a fresh copy of DATA_DIR per run so a grade never changes the
next run's counts):
  start    start to Home drawn (last byte of the first frame showing "Home")
  grade    `a` study all, Space reveal, `3` grade Good, Esc: time from Esc to Home drawn again; then `j`: time
           from `j` to its frame
  quiz     `z` on Home: time to the Quiz screen drawn
  exam     `e` on Home: time to the Exam screen drawn
  stats    `t` on Home: time to the Stats screen drawn
  move     `j`/`k` on Home, 20 moves: time to each redraw
  idle     CPU of the process over --idle seconds on Home after start (after --settle seconds), and after `a` +
           Space (a revealed card)
Prints median, p99 and worst (ms) of every figure over the runs, and peak RSS (VmHWM) of every run.

--cache cold|warm: the deck cache (`io::deck_cache`, in the machine-local state folder) starts empty for every
run (cold: the deck is parsed and checked, and the cache written), or is filled by one uncounted start before
the runs (warm: every counted run reads the cache). Either way XDG_STATE_HOME points at a temporary folder, so
nothing is written to this user's own state folder."""
import argparse, os, pty, select, shutil, statistics, struct, sys, tempfile, time, fcntl, termios

ap = argparse.ArgumentParser()
ap.add_argument("bin"); ap.add_argument("data"); ap.add_argument("--content")
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--flows", default="start,grade,quiz,exam,stats,move,idle")
ap.add_argument("--idle", type=float, default=5)
ap.add_argument("--settle", type=float, default=0,
                help="seconds on Home before the idle flow measures (the search index and quiz pool are built "
                     "in the background after start)")
ap.add_argument("--timeout", type=float, default=120)
ap.add_argument("--cache", choices=["cold", "warm"], default="warm")
a = ap.parse_args()


state_home = tempfile.mkdtemp(prefix="recall-state-")


class Tui:
    def __init__(self, data):
        args = [a.bin, "--data-dir", data] + (["--content", a.content] if a.content else [])
        state = tempfile.mkdtemp(prefix="recall-state-") if a.cache == "cold" else state_home
        self.t0 = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
            os.environ["TERM"] = "xterm-256color"
            os.environ["XDG_STATE_HOME"] = state
            os.execv(a.bin, args)

    def read_until(self, marker, deadline):
        """Reads until `marker` has appeared and 30 ms pass quietly; returns the time of the last byte."""
        got = b""; last = None; seen = False; end = time.monotonic() + deadline
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], 0.03)
            if not r:
                if seen:
                    return last
                continue
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:
                break
            last = time.monotonic(); got += data
            seen = seen or marker in got
        raise RuntimeError(f"no {marker!r} within {deadline} s; got {got[-300:]!r}")

    def drain(self, quiet=0.2):
        while select.select([self.fd], [], [], quiet)[0]:
            try:
                os.read(self.fd, 1 << 16)
            except OSError:
                return

    def key(self, k, marker, deadline=None):
        """Sends `k`; ms from sending to the last byte of the frame that shows `marker`."""
        s = time.monotonic(); os.write(self.fd, k)
        return (self.read_until(marker, deadline or a.timeout) - s) * 1000

    def cpu(self):
        f = open(f"/proc/{self.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")

    def idle_cpu(self, seconds):
        c0, t0 = self.cpu(), time.monotonic()
        self.drain(seconds)
        time.sleep(max(0, seconds - (time.monotonic() - t0)))
        return (self.cpu() - c0) / (time.monotonic() - t0) * 100

    def peak_mb(self):
        for line in open(f"/proc/{self.pid}/status"):
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def quit(self):
        os.write(self.fd, b"\x03")
        try:
            self.drain(0.3)
        finally:
            os.waitpid(self.pid, 0)


figures = {}
def add(name, value):
    figures.setdefault(name, []).append(value)

flows = a.flows.split(",")
if a.cache == "warm":
    warm_data = tempfile.mkdtemp(prefix="recall-warm-")
    shutil.copytree(a.data, os.path.join(warm_data, "data"))
    tui = Tui(os.path.join(warm_data, "data"))
    tui.read_until(b"Home", a.timeout)
    tui.quit()
    shutil.rmtree(warm_data, ignore_errors=True)
for run in range(a.runs):
    for flow in flows:
        work = tempfile.mkdtemp(prefix="recall-flow-")
        data = os.path.join(work, "data")
        shutil.copytree(a.data, data)
        tui = Tui(data)
        try:
            home = (tui.read_until(b"Home", a.timeout) - tui.t0) * 1000
            if flow == "start":
                add("start to Home drawn", home)
            tui.drain(0.3)
            if flow == "grade":
                tui.key(b"a", b"Study"); tui.drain()
                tui.key(b" ", b"Good"); tui.drain()
                # The next card is drawn as a diff of the last: wait for any frame, not a title.
                tui.key(b"3", b"\x1b"); tui.drain()
                # Esc and `j` written together read as Alt-j: Esc first, then `j` once Home is drawn.
                add("Esc after a grade: to Home drawn", tui.key(b"\x1b", b"Home"))
                add("then j on Home: to its frame", tui.key(b"j", b"\x1b", 10))
            elif flow == "quiz":
                add("quiz opens", tui.key(b"z", b"Quiz"))
            elif flow == "exam":
                add("exam opens", tui.key(b"e", b"Exam"))
            elif flow == "stats":
                add("stats opens", tui.key(b"t", b"Stats"))
            elif flow == "move":
                for i in range(20):
                    add("cursor move on Home", tui.key(b"j" if i % 2 == 0 else b"k", b"\x1b", 10))
            elif flow == "idle":
                tui.drain(a.settle) if a.settle else None
                add("idle CPU % on Home", tui.idle_cpu(a.idle))
                tui.key(b"a", b"Study"); tui.drain()
                tui.key(b" ", b"Good"); tui.drain()
                add("idle CPU % on a revealed card", tui.idle_cpu(a.idle))
            add(f"peak RSS MB ({flow})", tui.peak_mb())
        finally:
            tui.quit()
            shutil.rmtree(work, ignore_errors=True)

def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]
print(f"{a.bin} --content {a.content} ({a.runs} runs, deck cache {a.cache}; load average {os.getloadavg()[0]:.1f})")
for name, xs in figures.items():
    print(f"  {name}: median {statistics.median(xs):.1f}, p99 {pct(xs, 0.99):.1f}, worst {max(xs):.1f} (n={len(xs)})")
