"""
`make bench`: start the app under gunicorn on 127.0.0.1, load it from other
processes, print a table of medians across repeated runs.

    python -m bench               # PostgreSQL, PostgreSQL + Redis (if it answers), SQLite
    python -m bench --quick       # one short run of each, small data: checks the harness
    python -m bench --databases sqlite --runs 5 --seconds 20
    python -m bench --profile     # also record the signing workers with py-spy

Each run is bounded by --seconds and by a request budget, so nothing runs on.
"""

import argparse
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
from bench.server import PYTHON, ROOT, Server, manage

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


def get_figures(args, server, paths, rounds=None):
    """wrk on each path in turn, `rounds` rounds (--runs): paths measured in
    the same round see the same machine. Returns one figure per path."""
    for path in paths:
        # Untimed first: each worker compiles templates and fills its own caches.
        wrk.run(server.base_url + path, seconds=1, max_requests=2_000,
                connections=args.connections)
    runs = {path: [] for path in paths}
    for _ in range(rounds or args.runs):
        for path in paths:
            before = _worker_ticks(server)
            result = wrk.run(server.base_url + path, seconds=args.seconds,
                             max_requests=args.max_requests, connections=args.connections)
            result["busiest"] = _busiest_share(before, _worker_ticks(server))
            runs[path].append(result)
    return {path: _figure(path_runs) for path, path_runs in runs.items()}


def _figure(runs):
    shares = [run["busiest"] for run in runs if run.get("busiest") is not None]
    return {
        "rps": stats.median_of_runs(runs, "rps"),
        "p50": stats.median_of_runs(runs, "p50"),
        "p99": stats.median_of_runs(runs, "p99"),
        "errors": sum(run["errors"] for run in runs),
        "busiest": max(shares) if shares else None,
        "runs": runs,
    }


def get_figure(args, server, path):
    return get_figures(args, server, [path])[path]


def sign_figure(args, server, env, paths, label):
    before = fixtures(env, "count")["signatures"]
    runs, ok_total = [], 0
    for number in range(args.runs):
        run_id = f"{int(time.time())}-{number}-{secrets.token_hex(3)}"
        with CpuSplit() as split:
            result = signing.run(
                server.base_url, paths["petition"], run_id=run_id, processes=args.signers,
                seconds=args.seconds, max_signatures=args.max_signatures,
            )
        ok_total += result["ok"]
        failures = {str(k): v for k, v in result["statuses"].items() if k not in (302, 303)}
        runs.append(
            {
                "rps": result["ok"] / result["elapsed"] if result["elapsed"] else None,
                "p50": stats.percentile(result["post_ms"], 0.5),
                "p99": stats.percentile(result["post_ms"], 0.99),
                "get_p50": stats.percentile(result["get_ms"], 0.5),
                "errors": sum(failures.values()),
                "failures": failures,
                "cpu_ms": split.per_unit(result["ok"]),
            }
        )
        log(f"{label} signing run {number + 1}: {runs[-1]['rps']:.0f}/s, failures {failures}")
    rows = fixtures(env, "count")["signatures"] - before
    return {
        "rps": stats.median_of_runs(runs, "rps"),
        "p50": stats.median_of_runs(runs, "p50"),
        "p99": stats.median_of_runs(runs, "p99"),
        "errors": sum(run["errors"] for run in runs),
        "ok": ok_total,
        "rows": rows,
        "runs": runs,
        "cpu_ms": {
            group: stats.median([run["cpu_ms"].get(group, 0.0) for run in runs])
            for group in runs[0]["cpu_ms"]
        },
    }


def profile_signing(args, server, paths, label):
    """py-spy on every worker while signing runs; top frames by own time."""
    OUT.mkdir(parents=True, exist_ok=True)
    raw = OUT / f"profile-signing-{label.replace(' ', '').replace('+', '-').lower()}.txt"
    py_spy = Path(PYTHON).parent / "py-spy"
    recorder = subprocess.Popen(
        # --gil: only threads running Python, so waits on the database are left out.
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


def run_configuration(args, config, report):
    label = config["label"]
    env = environment(args, config)
    log(f"{label}: preparing the database")
    paths = prepare(env, config)
    manage(env, "collectstatic", "--noinput")
    scales = [int(n) for n in (args.sqlite_scales if label == "SQLite" else args.scales).split(",")]
    with Server(env, args.port) as server:
        log(f"{label}: gunicorn up, {args.workers} workers x {args.threads} threads; "
            f"load {load_average()}")
        if args.transfer and not report["transfer"]:
            for name in ("home", "petition", "briefing"):
                report["transfer"].append((name, transfer.page_weight(server.base_url,
                                                                      paths[name])))
        page = {}
        page[scales[0]] = get_figure(args, server, paths["petition"])
        report["rows"].append(figure_row(f"petition page, {scales[0]:,} signatures", label,
                                         page[scales[0]], spread(page[scales[0]])))
        briefing = get_figure(args, server, paths["briefing"])
        report["rows"].append(figure_row("briefing page", label, briefing, spread(briefing)))
        for name in ("counter", "json"):
            if paths.get(name):
                figure = get_figure(args, server, paths[name])
                report["rows"].append(
                    figure_row(f"{name} ({paths[name]})", label, figure, spread(figure))
                )
        log(f"{label}: signing")
        signed = sign_figure(args, server, env, paths, label)
        lost = signed["ok"] - signed["rows"]
        report["rows"].append(
            figure_row("signing (POST)", label, signed,
                       f"{signed['ok']:,} accepted, {signed['rows']:,} rows, {lost:,} lost")
        )
        report["cpu"].append((label, signed["cpu_ms"]))
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


def render(args, report):
    info = report["machine"]
    lines = [
        f"Safe Passage benchmark, {report['started']} UTC",
        f"machine: {info['cpus']} CPUs, {info['memory']}, Python {info['python']}, "
        f"{info['system']}; load average at the start {report['load_start']}",
        f"gunicorn: WEB_CONCURRENCY={args.workers}, THREADS={args.threads}; "
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
                  stats.format_table(["database", *groups], rows)]
    for label, raw, (inclusive, own) in report["profiles"]:
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
    parser.add_argument("--quick", action="store_true", help="check the harness in a minute")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.seconds, args.paired_rounds = 1, 2, 1
        args.scales = args.sqlite_scales = "0,10000"
    args.secret_key = secrets.token_urlsafe(40)
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
