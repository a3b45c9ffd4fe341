"""
Where the machine's CPU goes while a load runs: the app (gunicorn), the
databases, the load generator and everything else, from /proc (Linux only).

    with CpuSplit(app_group=server.group) as split:
        ...  # run the load
    split.per_unit(signatures)   # {"app": ms, "PostgreSQL": ms, ...} per unit of work

The app is the process group of the server being measured: another server
left idle beside it (`--servers`, `--baseline`) is not counted as the app.
PostgreSQL is the backends connected to the bench's database and the server's
own background processes (WAL writer, checkpointer...): on a machine shared
with other test runs, backends serving other databases are "other".
"""

import os
import re
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


# A backend's title: "postgres: 15/main: <user> <database> <client> <state>".
BACKEND = re.compile(r"^postgres: [^:]+: (\S+) (\S+) (?:\S+\(\d+\)|\[local\])")


def _postgres_group(pid, database):
    try:
        title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(
            errors="replace")
    except OSError:
        return None
    match = BACKEND.match(title)
    if match and database and match.group(2) != database:
        return None
    return "PostgreSQL"


def _group(pid, comm, process_group, app_group, database):
    if comm == "postgres" or comm.startswith("postgres"):
        return _postgres_group(pid, database)
    if comm.startswith("redis-server"):
        return "Redis"
    if process_group == app_group:
        return "app"
    return None


def _processes(app_group, database):
    """(pid, start time) -> (group, CPU seconds) for the processes we can name."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        # pgrp is field 5 of stat.
        group = _group(entry.name, comm, int(fields[2]), app_group, database)
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
    def __init__(self, app_group, database=""):
        self.app_group, self.database = app_group, database

    def __enter__(self):
        self._before = _processes(self.app_group, self.database)
        self._children = os.times()
        self._busy = _machine_busy()
        return self

    def __exit__(self, *exc):
        after = _processes(self.app_group, self.database)
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
