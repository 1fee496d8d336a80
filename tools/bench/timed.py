#!/usr/bin/python3
"""Runs one command and prints "WALL CPU RSS": wall seconds from a monotonic clock (time.perf_counter), user + system
CPU seconds from the kernel's accounting of the process (wait4, to the microsecond) and peak resident memory in KB.
/usr/bin/time alone counts wall and CPU time in hundredths of a second (a 4 ms run printed as 0.00 s); it is kept
for the peak memory only, because it forks the command from a small process: a child forked from Python would
inherit Python's 10 MB high-water mark. Its own CPU (about a millisecond) is counted with the command's.
Usage: timed.py OUT ERR CMD...   (CMD's standard output goes to OUT, its standard error to ERR; exit status is CMD's)
"""
import os
import subprocess
import sys
import tempfile
import time


def main() -> int:
    if len(sys.argv) < 4:
        print("usage: timed.py OUT ERR CMD...", file=sys.stderr)
        return 2
    out_path, err_path, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss, open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name, *command], stdout=out, stderr=err)
        # wait4 reports the process and the children it reaped: /usr/bin/time and the command.
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        peak = rss.read().split()
    if child.returncode != 0 or not peak:
        return child.returncode or 1
    print(f"{wall:.6f} {usage.ru_utime + usage.ru_stime:.6f} {peak[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
