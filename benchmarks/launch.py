"""Run one command and report its wall time and peak memory (run.py's measuring wrapper).

    python -S benchmarks/launch.py REPORT.json TIMEOUT -- COMMAND [ARGS...]

Why a wrapper: on Linux a child's ru_maxrss starts from its parent's resident size at fork (exec
keeps the high-water mark), so a command started straight from the benchmark process would report
at least the benchmark's own size. This wrapper is small (started with -S, it imports only the
standard library), so the peak it reports for its child is the child's own. Output of the child
goes to this process's stdout/stderr; the report is {"rc", "seconds", "maxrss_kib"}.
"""

import json
import os
import subprocess
import sys
import threading
import time


def main() -> int:
    report, timeout, sep, *cmd = sys.argv[1:]
    if sep != "--" or not cmd:
        sys.exit(__doc__)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
    timer = threading.Timer(float(timeout), proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    seconds = time.perf_counter() - start
    proc.returncode = rc = os.waitstatus_to_exitcode(status)
    with open(report, "w") as f:
        json.dump(
            {"rc": rc, "seconds": seconds, "maxrss_kib": usage.ru_maxrss, "timed_out": seconds > float(timeout)}, f
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
