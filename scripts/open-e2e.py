#!/usr/bin/env python3
"""Times what a person waits for when opening the app: from starting `kernteam --log FILE` in a
pseudo-terminal of the given size until the screen's header shows `#N`, the number of the log's last
entry (shown only once the panes are drawn from the whole log), and the peak resident memory
(VmHWM, which counts the pages of the mapped log the process touched).

The terminal output is fed to a terminal emulator (pyte), so the figure is for the screen as it
looks, not for bytes that happen to spell the number. Each run ends by pressing q.

  open-e2e.py BIN LOG [--size 160x45] [--runs 3] [--setup CMD]

Prints one line per run ("run k: open 0.123 s, VmHWM 45.6 MB, first frame 0.010 s") and a last
line "median open S s, median VmHWM M MB, first frame F s". `--setup` runs a shell command before
each run (to remove or keep a snapshot, say).
"""
import argparse, os, pty, select, signal, struct, subprocess, sys, termios, fcntl, time

import pyte


def last_seq(log):
    with open(log, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 65536))
        tail = f.read().rstrip(b"\n").split(b"\n")[-1]
    start = tail.index(b'"seq":') + 6
    end = start
    while tail[end:end + 1].isdigit():
        end += 1
    return int(tail[start:end])


def vmhwm_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def one_run(binary, log, cols, rows, marker, timeout=120):
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execve(binary, [binary, "--log", log], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    first_frame = None
    opened = None
    deadline = t0 + timeout
    while opened is None and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        now = time.monotonic()
        try:
            data = os.read(fd, 1 << 20)
        except OSError:
            break
        if not data:
            break
        stream.feed(data)
        header = screen.display[0]
        if first_frame is None and header.strip():
            first_frame = now - t0
        if marker in header:
            opened = now - t0
    hwm = vmhwm_mb(pid)
    # Quit with q; drain the output until the program has gone.
    quit_at = time.monotonic()
    os.write(fd, b"q")
    quit_took = None
    while time.monotonic() < quit_at + 30:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            quit_took = time.monotonic() - quit_at
            break
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 1 << 20)
            except OSError:
                pass
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return opened, hwm, first_frame, quit_took


def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("log")
    p.add_argument("--size", default="160x45")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--setup", default=None)
    p.add_argument("--entries", type=int, default=None,
                   help="the number of the last entry (for a log on a server, which this script cannot read)")
    a = p.parse_args()
    cols, rows = (int(x) for x in a.size.split("x"))
    marker = f"#{a.entries if a.entries else last_seq(a.log)}"
    opens, hwms, firsts = [], [], []
    for k in range(a.runs):
        if a.setup:
            subprocess.run(a.setup, shell=True, check=True)
        opened, hwm, first, quit_took = one_run(a.binary, a.log, cols, rows, marker)
        if opened is None:
            print(f"run {k + 1}: the header never showed {marker}", flush=True)
            sys.exit(1)
        opens.append(opened)
        hwms.append(hwm)
        firsts.append(first if first is not None else opened)
        print(f"run {k + 1}: open {opened:.3f} s, VmHWM {hwm:.1f} MB, first frame {firsts[-1]:.3f} s, q took {quit_took if quit_took is None else round(quit_took, 3)} s", flush=True)
    med = lambda xs: sorted(xs)[(len(xs) - 1) // 2]
    print(f"median open {med(opens):.3f} s, median VmHWM {med(hwms):.1f} MB, first frame {med(firsts):.3f} s")


if __name__ == "__main__":
    main()
