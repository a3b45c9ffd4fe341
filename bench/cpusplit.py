"""
Where the machine's CPU goes while a load runs: the app (gunicorn), the
databases, the load generator and everything else, from /proc (Linux only).

    with CpuSplit() as split:
        ...  # run the load
    split.per_unit(signatures)   # {"app": ms, "PostgreSQL": ms, ...} per unit of work
"""

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _group(comm, cmdline):
    if comm == "postgres" or comm.startswith("postgres"):
        return "PostgreSQL"
    if comm.startswith("redis-server"):
        return "Redis"
    if "gunicorn" in cmdline:
        return "app"
    return None


def _processes():
    """(pid, start time) -> (group, CPU seconds) for the processes we can name."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        group = _group(comm, cmdline)
        if group:
            # utime, stime are fields 14 and 15 of stat; starttime (22) tells reused pids apart.
            found[(entry.name, fields[19])] = (group, (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def _machine_busy():
    """CPU seconds the whole machine spent on anything but idling."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq + steal) / TICKS


class CpuSplit:
    def __enter__(self):
        self._before = _processes()
        self._children = os.times()
        self._busy = _machine_busy()
        return self

    def __exit__(self, *exc):
        after = _processes()
        children = os.times()
        self.seconds = {}
        for key, (group, cpu) in after.items():
            start = self._before.get(key, (group, 0.0))[1]
            self.seconds[group] = self.seconds.get(group, 0.0) + cpu - start
        # The load generator's processes are this process's children, reaped by now.
        self.seconds["load generator"] = (
            children.children_user + children.children_system
            - self._children.children_user - self._children.children_system
            + children.user + children.system - self._children.user - self._children.system
        )
        busy = _machine_busy() - self._busy
        self.seconds["other"] = max(busy - sum(self.seconds.values()), 0.0)
        self.seconds["machine"] = busy
        return False

    def per_unit(self, units):
        """Milliseconds of CPU per unit of work (a signature) for each group."""
        if not units:
            return {}
        return {group: seconds * 1000 / units for group, seconds in self.seconds.items()}
