#!/usr/bin/env python3
"""The CPU time of a command's whole process tree: tree-time.py OUT COMMAND...

Writes "wall_s user_s sys_s maxrss_kib" to OUT (the fields of /usr/bin/time -f '%e %U %S %M') and
exits with the command's status; the command's output passes through.

Why not /usr/bin/time alone: the kernel adds a process's CPU time to its parent's RUSAGE_CHILDREN only
when the parent waits for it. A process whose parent exits first (an MSBuild node still shutting down
when the entry process returns) is reparented and its time lost. This script makes itself the child
subreaper (prctl PR_SET_CHILD_SUBREAPER, Linux), so such orphans become its children, and waits for
every one of them before it reads RUSAGE_CHILDREN. Only for builds whose processes all end with them
(the compiler server and MSBuild node reuse off): it waits for every descendant.
"""
import ctypes
import os
import resource
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    out, command = sys.argv[1], sys.argv[2:]
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("tree-time.py: prctl(PR_SET_CHILD_SUBREAPER) failed: errno %d" % ctypes.get_errno())
    start = time.monotonic()
    child = os.fork()
    if child == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    status = None
    # Reap the command and every orphan of its tree, until no child is left.
    while True:
        try:
            pid, wait_status = os.wait()
        except ChildProcessError:
            break
        if pid == child:
            status = os.waitstatus_to_exitcode(wait_status)
    wall = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as file:
        file.write("%.2f %.2f %.2f %d\n" % (wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss))
    sys.exit(status if status is not None and status >= 0 else 1)


main()
