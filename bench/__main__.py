"""
`make bench`: start the app under gunicorn on 127.0.0.1, load it from other
processes, print a table of medians across repeated runs.

    python -m bench               # PostgreSQL, PostgreSQL + Redis (if it answers), SQLite
    python -m bench --quick       # one short run of each, small data: checks the harness
    python -m bench --databases sqlite --runs 5 --seconds 20
    python -m bench --profile     # also record the signing workers with py-spy
    python -m bench --servers gunicorn,granian,uwsgi
                                  # signing under each server in turn, same run
    python -m bench --baseline 0c41b9e
                                  # signing by that commit and by this tree in turn

Each run is bounded by --seconds and by a request budget, so nothing runs on.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import secrets
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from bench import signing, stats, transfer, wrk
from bench.cpusplit import CpuSplit
from bench.server import PYTHON, ROOT, SERVERS, Server, manage

OUT = ROOT / "bench" / "out"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/bench"


# Machine ----------------------------------------------------------------------


def machine():
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }


def load_average():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


# Databases ----------------------------------------------------------------------


def redis_available(url):
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=1).ping())
    except Exception:
        return False


def recreate_postgres(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def configurations(args):
    found = []
    for name in args.databases.split(","):
        name = name.strip()
        if name == "postgresql":
            found.append({"label": "PostgreSQL", "database": args.postgres, "redis": ""})
            if args.redis and redis_available(args.redis):
                found.append(
                    {"label": "PostgreSQL + Redis", "database": args.postgres, "redis": args.redis}
                )
        elif name == "sqlite":
            path = ROOT / "var" / "bench" / "bench.sqlite3"
            found.append({"label": "SQLite", "database": f"sqlite:///{path}", "redis": ""})
        else:
            raise SystemExit(f"unknown database {name!r}: postgresql or sqlite")
    return found


def environment(args, config):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "REDIS_URL", "DATABASE_URL", "TASKS_BACKEND"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "campaign.settings",
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": args.secret_key,
            "DEBUG": "0",
            "HTTPS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": f"http://127.0.0.1:{args.port}",
            "DATABASE_URL": config["database"],
            "VAR_DIR": str(ROOT / "var" / "bench"),
            "WEB_CONCURRENCY": str(args.workers),
            "THREADS": str(args.threads),
            # Every signature comes from 127.0.0.1 and is sent at machine speed:
            # the per-address limits and the fill-time check would rightly hold
            # or refuse them. Raised, not removed, so their cost stays measured.
            "SIGNING_BURST_LIMIT": "1000000000",
            "SIGNING_SUSTAINED_LIMIT": "1000000000",
            "SIGNING_HARD_LIMIT": "1000000000",
            "SIGNING_MIN_FILL_SECONDS": "0",
        }
    )
    if config["redis"]:
        env["REDIS_URL"] = config["redis"]
    return env


def fixtures(env, *args):
    completed = subprocess.run(
        [PYTHON, "-m", "bench.fixtures", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=1800,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"bench.fixtures {' '.join(args)} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def prepare(env, config):
    if config["database"].startswith("postgres"):
        recreate_postgres(config["database"])
    else:
        path = Path(urlsplit(config["database"]).path)
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    return fixtures(env, "setup")


# Figures ---------------------------------------------------------------------------


def log(message):
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _worker_ticks(server):
    ticks = {}
    for pid in server.pids()[1:]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[pid] = int(fields[11]) + int(fields[12])
    return ticks


def _busiest_share(before, after):
    """The busiest worker's share of the workers' CPU during a run: 1/workers
    when wrk's connections were spread evenly, 1.0 when one worker got them all."""
    used = [after[pid] - before.get(pid, 0) for pid in after]
    return max(used) / sum(used) if sum(used) else None


def get_figures(args, server, paths, rounds=None, database=""):
    """wrk on each path in turn, `rounds` rounds (--runs): paths measured in
    the same round see the same machine. Returns one figure per path, with the
    CPU per request of each group (as for signing)."""
    for path in paths:
        # Untimed first: each worker compiles templates and fills its own caches.
        wrk.run(server.base_url + path, seconds=1, max_requests=2_000,
                connections=args.connections)
    runs = {path: [] for path in paths}
    for _ in range(rounds or args.runs):
        for path in paths:
            before = _worker_ticks(server)
            with CpuSplit(server.group, database) as split:
                result = wrk.run(server.base_url + path, seconds=args.seconds,
                                 max_requests=args.max_requests, connections=args.connections)
            result["busiest"] = _busiest_share(before, _worker_ticks(server))
            result["cpu_ms"] = split.per_unit(result.get("requests", 0))
            runs[path].append(result)
    return {path: _figure(path_runs) for path, path_runs in runs.items()}


def _figure(runs):
    shares = [run["busiest"] for run in runs if run.get("busiest") is not None]
    measured = [run["cpu_ms"] for run in runs if run.get("cpu_ms")]
    return {
        "cpu_ms": {group: stats.median([cpu.get(group, 0.0) for cpu in measured])
                   for group in (measured[0] if measured else {})},
        "rps": stats.median_of_runs(runs, "rps"),
        "p50": stats.median_of_runs(runs, "p50"),
        "p99": stats.median_of_runs(runs, "p99"),
        "errors": sum(run["errors"] for run in runs),
        "busiest": max(shares) if shares else None,
        "runs": runs,
    }


def get_figure(args, server, path, database=""):
    return get_figures(args, server, [path], database=database)[path]


def _database_name(env):
    url = env["DATABASE_URL"]
    return urlsplit(url).path.lstrip("/") if url.startswith("postgres") else ""


def sign_figure(args, variants, env, paths, label):
    """Signing runs against each (name, server) in `variants`, in turn, so that
    every variant sees the same machine; one figure per variant."""
    before = fixtures(env, "count")["signatures"]
    runs = {name: [] for name, _ in variants}
    ok_total = {name: 0 for name, _ in variants}
    for number in range(args.runs):
        for name, server in variants:
            run_id = f"{int(time.time())}-{number}-{secrets.token_hex(3)}"
            with CpuSplit(server.group, _database_name(env)) as split:
                result = signing.run(
                    server.base_url, paths["petition"], run_id=run_id, processes=args.signers,
                    seconds=args.seconds, max_signatures=args.max_signatures,
                )
            ok_total[name] += result["ok"]
            failures = {str(k): v for k, v in result["statuses"].items() if k not in (302, 303)}
            runs[name].append(
                {
                    "rps": result["ok"] / result["elapsed"] if result["elapsed"] else None,
                    "p50": stats.percentile(result["post_ms"], 0.5),
                    "p99": stats.percentile(result["post_ms"], 0.99),
                    "get_p50": stats.percentile(result["get_ms"], 0.5),
                    "errors": sum(failures.values()),
                    "failures": failures,
                    "cpu_ms": split.per_unit(result["ok"]),
                    "load": load_average(),
                }
            )
            log(f"{label} signing run {number + 1}, {name}: {runs[name][-1]['rps']:.0f}/s, "
                f"failures {failures}, load {runs[name][-1]['load']}")
    rows = fixtures(env, "count")["signatures"] - before
    figures = {}
    for name, name_runs in runs.items():
        figures[name] = {
            "rps": stats.median_of_runs(name_runs, "rps"),
            "p50": stats.median_of_runs(name_runs, "p50"),
            "p99": stats.median_of_runs(name_runs, "p99"),
            "errors": sum(run["errors"] for run in name_runs),
            "ok": ok_total[name],
            "runs": name_runs,
            "cpu_ms": {
                group: stats.median([run["cpu_ms"].get(group, 0.0) for run in name_runs])
                for group in name_runs[0]["cpu_ms"]
            },
        }
    # Rows are counted for all variants together: they write to the same petition.
    return figures, rows


def profile_signing(args, server, paths, label):
    """py-spy on every worker while signing runs; top frames by own time."""
    OUT.mkdir(parents=True, exist_ok=True)
    raw = OUT / f"profile-signing-{label.replace(' ', '').replace('+', '-').lower()}.txt"
    py_spy = Path(PYTHON).parent / "py-spy"
    recorder = subprocess.Popen(
        # --gil: only the thread running Python is sampled, so threads waiting (on the
        # database, a socket, the queue of connections) are left out.
        [str(py_spy), "record", "--format", "raw", "--rate", "100", "--subprocesses", "--gil",
         "--duration", str(args.seconds), "--output", str(raw), "--pid", str(server.pids()[0])],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    signing.run(server.base_url, paths["petition"], run_id=f"profile-{secrets.token_hex(3)}",
                processes=args.signers, seconds=args.seconds, max_signatures=args.max_signatures)
    recorder.wait(timeout=args.seconds + 60)
    return raw


def top_frames(raw_path, limit=12):
    """From py-spy's collapsed stacks: the share of samples in which each of
    the project's functions (campaign/, articles/) was on the stack, then the
    functions with the most own time anywhere."""
    inclusive, own, total = {}, {}, 0
    for line in Path(raw_path).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        count = int(count)
        # One entry per function, whatever line it was on.
        frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
        total += count
        own[frames[-1]] = own.get(frames[-1], 0) + count
        for frame in set(frames):
            # Middleware wraps every request: it would top the list and say nothing.
            if ("(campaign/" in frame or "(articles/" in frame) and "middleware" not in frame:
                inclusive[frame] = inclusive.get(frame, 0) + count

    def ranked(table):
        best = sorted(table.items(), key=lambda item: -item[1])[:limit]
        return [(frame, count / total * 100 if total else 0) for frame, count in best]

    return ranked(inclusive), ranked(own)


# Where a signature's time goes: each sample of the workers goes to the first of
# these whose function is on its stack (most specific first); the rest is the server.
SIGNATURE_PARTS = [
    ("mail: rendering its three templates", ("make_message (campaign/",)),
    ("mail: the task row", ("enqueue_delivery (campaign/", "Task.enqueue (django_tasks/")),
    ("mail: the outbox row and its context", ("queue_mail (campaign/", "mail_context (campaign/",
                                              "send_confirmation (campaign/")),
    ("mail limit counter", ("mail_allowed (campaign/",)),
    ("the signature row and its transaction", ("sign_petition (campaign/",)),
    ("rate-limit counters", ("signing_rate (campaign/",)),
    ("the signing form: building and checking it", ("SignatureForm", "full_clean (django/")),
    ("the rest of the POST view (petition, redirect)", ("sign (campaign/petition/views.py",)),
    ("the page for a new visitor (kept page, own token and time-stamp)",
     ("show_petition (campaign/", "petition_detail (campaign/")),
    ("Django: middleware, request and response objects",
     ("WSGIHandler.__call__ (django/",)),
    ("the WSGI server: HTTP, connections, threads", ("",)),
]


def signature_breakdown(raw_path):
    """Share of the workers' samples for each part of SIGNATURE_PARTS."""
    counts, total = {name: 0 for name, _ in SIGNATURE_PARTS}, 0
    for line in Path(raw_path).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        total += int(count)
        for name, markers in SIGNATURE_PARTS:
            if any(marker in stack for marker in markers):
                counts[name] += int(count)
                break
    return [(name, count / total if total else 0.0) for name, count in counts.items()]


# Report ----------------------------------------------------------------------------


def figure_row(name, label, figure, note=""):
    return [
        name,
        label,
        stats.format_number(figure.get("rps")),
        stats.format_number(figure.get("p50"), 1),
        stats.format_number(figure.get("p99"), 1),
        stats.format_number(figure.get("errors")),
        note,
    ]


HEADERS = ["figure", "database", "req/s", "p50 ms", "p99 ms", "errors", "note"]


def paired_ratios(loaded_runs, empty_runs):
    """p50 of the loaded page over the empty page's, round by round: each pair
    ran seconds apart, so a round where the machine or the workers' share of
    connections changed moves one ratio, not the median."""
    return [
        loaded["p50"] / empty["p50"]
        for loaded, empty in zip(loaded_runs, empty_runs, strict=True)
        if loaded.get("p50") and empty.get("p50")
    ]


def spread(figure):
    """A note when wrk's connections piled onto one worker in some run."""
    busiest = figure.get("busiest")
    if busiest is None or busiest < 0.8:
        return ""
    return f"one worker did {busiest:.0%} of the work in a run"


def comparing(args):
    return bool(other_variants(args))


def other_variants(args):
    """(name, server kind, tree) of each server that signs in turn with the main one."""
    found = [(f"{kind}, this tree", kind, ROOT) for kind in args.servers[1:]]
    if args.baseline:
        found.append((f"{args.servers[0]}, {args.baseline_sha} (before)", args.servers[0],
                      args.baseline_tree))
    return found


def run_configuration(args, config, report):
    label = config["label"]
    env = environment(args, config)
    log(f"{label}: preparing the database")
    paths = prepare(env, config)
    manage(env, "collectstatic", "--noinput")
    scales = [int(n) for n in (args.sqlite_scales if label == "SQLite" else args.scales).split(",")]
    if args.baseline:
        # The older tree's own static files: the manifest its pages name them by.
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput"],
                       cwd=args.baseline_tree, env={**env, "PYTHONPATH": str(args.baseline_tree)},
                       check=True, stdout=subprocess.DEVNULL)
    with Server(env, args.port, kind=args.servers[0]) as server:
        log(f"{label}: {server.kind} up, {args.workers} workers x {args.threads} threads; "
            f"load {load_average()}")
        if args.transfer and not report["transfer"]:
            for name in ("home", "petition", "briefing"):
                report["transfer"].append((name, transfer.page_weight(server.base_url,
                                                                      paths[name])))
        page = {}
        database = _database_name(env)
        page[scales[0]] = get_figure(args, server, paths["petition"], database)
        report["rows"].append(figure_row(f"petition page, {scales[0]:,} signatures", label,
                                         page[scales[0]], spread(page[scales[0]])))
        report["page_cpu"].append((f"{label}, petition page", page[scales[0]]["cpu_ms"]))
        briefing = get_figure(args, server, paths["briefing"], database)
        report["rows"].append(figure_row("briefing page", label, briefing, spread(briefing)))
        report["page_cpu"].append((f"{label}, briefing page", briefing["cpu_ms"]))
        for name in ("counter", "json"):
            if paths.get(name):
                figure = get_figure(args, server, paths[name], database)
                report["page_cpu"].append((f"{label}, {name}", figure["cpu_ms"]))
                report["rows"].append(
                    figure_row(f"{name} ({paths[name]})", label, figure, spread(figure))
                )
        log(f"{label}: signing")
        with contextlib.ExitStack() as others:
            variants = [(f"{server.kind}, this tree" if comparing(args) else "", server)]
            for offset, (name, kind, root) in enumerate(other_variants(args), start=1):
                variants.append((name, others.enter_context(
                    Server(env, args.port + offset, kind=kind, root=root))))
            signed, rows = sign_figure(args, variants, env, paths, label)
        accepted = sum(figure["ok"] for figure in signed.values())
        for name, figure in signed.items():
            row_label = f"signing (POST){', ' + name if name else ''}"
            loads = [float(run["load"].split()[0]) for run in figure["runs"]]
            note = f"{figure['ok']:,} accepted, load {min(loads):.1f}–{max(loads):.1f}"
            if name == variants[-1][0]:
                note += f"; all: {accepted:,} accepted, {rows:,} rows, {accepted - rows:,} lost"
            elif not comparing(args):
                note = (f"{accepted:,} accepted, {rows:,} rows, {accepted - rows:,} lost, "
                        f"load {min(loads):.1f}–{max(loads):.1f}")
            report["rows"].append(figure_row(row_label, label, figure, note))
            report["cpu"].append((f"{label}{', ' + name if name else ''}", figure["cpu_ms"]))
        if args.profile:
            raw = profile_signing(args, server, paths, label)
            report["profiles"].append((label, raw, top_frames(raw)))
        for scale in scales[1:]:
            log(f"{label}: loading {scale:,} signatures")
            started = time.monotonic()
            fixtures(env, "bulk", str(scale))
            log(f"{label}: loaded in {time.monotonic() - started:.0f} s")
            # In turn with the empty petition's page, so both see the same machine.
            figures = get_figures(args, server, [paths["petition"], paths["petition_empty"]],
                                  rounds=args.paired_rounds)
            page[scale], empty = figures[paths["petition"]], figures[paths["petition_empty"]]
            report["rows"].append(figure_row(f"petition page, {scale:,} signatures", label,
                                             page[scale], spread(page[scale])))
            report["rows"].append(figure_row("  the empty petition's page, in turn", label,
                                             empty, spread(empty)))
        largest, smallest = page[scales[-1]]["p50"], page[scales[0]]["p50"]
        if largest and smallest:
            report["ratios"].append(
                f"{label}: p50 petition page at {scales[-1]:,} / at {scales[0]:,} signatures = "
                f"{largest / smallest:.2f}"
            )
        if len(scales) > 1:
            paired = paired_ratios(page[scales[-1]]["runs"], empty["runs"])
            if paired:
                report["ratios"].append(
                    f"{label}: p50 petition page at {scales[-1]:,} / the empty petition's page "
                    f"measured right after it, median of {len(paired)} rounds = "
                    f"{stats.median(paired):.2f} (rounds: "
                    f"{', '.join(f'{ratio:.2f}' for ratio in paired)})"
                )
        report["loads"].append(f"{label}: load average at the end {load_average()}")


def ratio_line(label, cpu):
    """The app's CPU per signature over PostgreSQL's, from the same runs."""
    return f"app/PostgreSQL CPU per signature: {cpu['app'] / cpu['PostgreSQL']:.2f} ({label})"


def render(args, report):
    info = report["machine"]
    lines = [
        f"Safe Passage benchmark, {report['started']} UTC",
        f"machine: {info['cpus']} CPUs, {info['memory']}, Python {info['python']}, "
        f"{info['system']}; load average at the start {report['load_start']}",
        f"{args.servers[0]}: WEB_CONCURRENCY={args.workers}, THREADS={args.threads}; "
        f"{args.runs} runs of at most {args.seconds} s per figure (medians across runs); "
        f"wrk {args.connections} connections; {args.signers} signing processes",
        "",
        stats.format_table(HEADERS, report["rows"]),
        "",
        *report["ratios"],
        *report["loads"],
    ]
    if report["transfer"]:
        rows = []
        for name, weight in report["transfer"]:
            parts = ", ".join(f"{path.rsplit('/', 1)[-1] or path} {size / 1024:.1f} KB "
                              f"({encoding})" for path, size, encoding in weight["items"])
            verdict = "within" if weight["total"] <= transfer.BUDGET else "OVER"
            rows.append([name, f"{weight['total'] / 1024:.1f}", verdict, parts])
        lines += ["", "First view, compressed as a browser gets it (Accept-Encoding: br, gzip), "
                  f"against a budget of {transfer.BUDGET // 1024} KB:",
                  "", stats.format_table(["page", "KB", "budget", "parts"], rows)]
    if report["cpu"]:
        groups = ["app", "PostgreSQL", "Redis", "load generator", "other", "machine"]
        rows = [[label, *(f"{cpu.get(group, 0.0):.2f}" for group in groups)]
                for label, cpu in report["cpu"]]
        lines += ["", "CPU per accepted signature while signing, ms (from /proc; medians across "
                  "runs; 'machine' is all of it, 'other' what no group claims):", "",
                  stats.format_table(["database", *groups], rows), ""]
        lines += [ratio_line(label, cpu) for label, cpu in report["cpu"]
                  if cpu.get("PostgreSQL")]
    if report["page_cpu"]:
        groups = ["app", "PostgreSQL", "Redis", "load generator", "other", "machine"]
        rows = [[label, *(f"{cpu.get(group, 0.0):.2f}" for group in groups)]
                for label, cpu in report["page_cpu"]]
        lines += ["", "CPU per request served to wrk (anonymous visitors, the page cache on), ms:",
                  "", stats.format_table(["page", *groups], rows)]
    for label, raw, (inclusive, own) in report["profiles"]:
        # The main server's figure (the first row of its database).
        cpu = next((figures.get("app", 0.0) for name, figures in report["cpu"]
                    if name == label or name.startswith(label + ", ")), 0.0)
        lines += ["", f"Where the app's {cpu:.2f} ms of CPU per signature go, {label} "
                  "(py-spy samples of the workers while signing, times the app's CPU per "
                  "signature measured before):", ""]
        lines.append(stats.format_table(
            ["part of a signature (page + POST)", "%", "ms"],
            [[name, f"{share * 100:.1f}", f"{share * cpu:.2f}"]
             for name, share in signature_breakdown(raw)]))
        lines += ["", f"Signing profile, {label}: share of the workers' CPU samples "
                  f"({raw.relative_to(ROOT)})", ""]
        lines.append(stats.format_table(
            ["project function (with what it calls)", "%"],
            [[frame, f"{share:.1f}"] for frame, share in inclusive]))
        lines.append("")
        lines.append(stats.format_table(
            ["function (own time)", "%"], [[frame, f"{share:.1f}"] for frame, share in own]))
    return "\n".join(lines)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_DATABASE_URL",
                                                             DEFAULT_POSTGRES))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL",
                                                          "redis://127.0.0.1:6379/15"),
                        help="add a PostgreSQL + Redis row when this Redis answers ('' for none)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paired-rounds", type=int, default=5,
                        help="rounds of the loaded and the empty petition's page, in turn")
    parser.add_argument("--seconds", type=int, default=6, help="longest a run may take")
    parser.add_argument("--max-requests", type=int, default=200_000, help="budget of a GET run")
    parser.add_argument("--max-signatures", type=int, default=20_000,
                        help="budget of a signing run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--signers", type=int, default=8, help="signing processes")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", 8)))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8201)))
    parser.add_argument("--scales", default="0,100000,1000000")
    parser.add_argument("--sqlite-scales", default="0,100000,1000000")
    parser.add_argument("--no-transfer", dest="transfer", action="store_false")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--servers", default="gunicorn",
                        help=f"WSGI servers, the first for every figure, the others for signing "
                             f"in turn with it: {', '.join(SERVERS)}")
    parser.add_argument("--baseline", default="",
                        help="a commit whose tree signs in turn with this one (same database)")
    parser.add_argument("--quick", action="store_true", help="check the harness in a minute")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.seconds, args.paired_rounds = 1, 2, 1
        args.scales = args.sqlite_scales = "0,10000"
    args.secret_key = secrets.token_urlsafe(40)
    args.servers = [name.strip() for name in args.servers.split(",") if name.strip()]
    for name in args.servers:
        if name not in SERVERS:
            parser.error(f"unknown server {name!r}: one of {', '.join(SERVERS)}")
    if args.baseline:
        from bench.cpu import export_tree

        args.baseline_sha, args.baseline_tree = export_tree(args.baseline)
    return args


def main(argv=None):
    args = parse_args(argv)
    if not wrk.available():
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench does it)")
    report = {
        "started": f"{datetime.now(UTC):%Y-%m-%d %H:%M}",
        "machine": machine(),
        "load_start": load_average(),
        "rows": [], "ratios": [], "loads": [], "transfer": [], "profiles": [], "cpu": [],
        "page_cpu": [],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"results-{datetime.now(UTC):%Y%m%d-%H%M%S}.md"
    for config in configurations(args):
        run_configuration(args, config, report)
        # Written after each database, so a run cut short keeps what it measured.
        path.write_text(render(args, report) + "\n")
    print(render(args, report))
    log(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
