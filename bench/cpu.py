"""
CPU time per request, measured inside one process with Django's test client.

    python -m bench.cpu                         # PostgreSQL, 0 signatures
    python -m bench.cpu --database sqlite --signatures 1000000
    python -m bench.cpu --redis --profile       # cache in Redis; cProfile's top functions
    python -m bench.cpu --uncached --signatures 1000000
                                                # pages the page cache does not serve,
                                                # the loaded and the empty petition in turn
    python -m bench.cpu --baseline 0c41b9e      # that commit and this tree in turn

The load test (`python -m bench`) says how fast the site is on this machine
with everything sharing the cores; this says what one request costs the app
itself (process CPU time, so neither the database server nor other processes
count), which is what to profile and what does not change with the load.

Every kind of request is timed in turn, one of each per round, so that all
rows see the same machine; each figure is the median of --requests requests
after a warm-up. With --baseline the given commit (exported with `git archive`
into var/bench/, with this tree's bench/ so that both measure alike) and this
tree run --rounds times each, alternately, on the same database; the table
gives the median of the rounds' medians and the ratio.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.server import PYTHON, ROOT


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.cpu", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--postgres", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench"))
    parser.add_argument("--redis", nargs="?", const=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"), default="")
    parser.add_argument("--signatures", type=int, default=0, help="bulk-load this many first")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--uncached", action="store_true",
                        help="also the pages as the page cache does not serve them: a visitor "
                             "with a session, an editor, an htmx request")
    parser.add_argument("--no-fragments", action="store_true",
                        help="every cache off (PUBLIC_CACHE_SECONDS=0): nothing kept for anyone")
    parser.add_argument("--only", default="", help="only the rows whose label contains this")
    parser.add_argument("--baseline", default="", help="a commit to measure in turn with this tree")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each with --baseline")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", action="store_true", help="reuse the database as it is")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# Outside: prepare the database, then measure in a child with the run's environment.


def outside(args):
    from bench.__main__ import environment, fixtures, prepare
    from bench.server import manage

    if args.database == "postgresql":
        config = {"label": "PostgreSQL", "database": args.postgres, "redis": args.redis}
    else:
        path = ROOT / "var" / "bench" / "cpu.sqlite3"
        config = {"label": "SQLite", "database": f"sqlite:///{path}", "redis": args.redis}
    env_args = argparse.Namespace(secret_key="bench-cpu-" + "x" * 40, port=8201,
                                  workers=1, threads=1)
    env = environment(env_args, config)
    if args.no_fragments:
        env["PUBLIC_CACHE_SECONDS"] = "0"
    manage(env, "collectstatic", "--noinput")
    if args.keep:
        # The database as another run left it: only what this one needs.
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
    else:
        prepare(env, config)
        if args.signatures:
            fixtures(env, "bulk", str(args.signatures))
    child = ["-m", "bench.cpu", "--inside", "--requests", str(args.requests)]
    for flag in ("profile", "uncached"):
        if getattr(args, flag):
            child.append(f"--{flag}")
    if args.only:
        child += ["--only", args.only]
    print(f"load average {load_average()}; {args.database}"
          f"{' + Redis' if args.redis else ''}; {args.signatures:,} signatures loaded; "
          f"{'every cache off' if args.no_fragments else 'caches as in production'}", flush=True)
    if not args.baseline:
        return subprocess.run([PYTHON, *child], cwd=ROOT, env=env, check=False).returncode
    return compare(args, env, child)


def load_average():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def export_tree(revision):
    """`revision` as files in var/bench/ (no .git), with this tree's bench/; or,
    if `revision` is a folder (a tree prepared by hand), that folder as it is."""
    if os.path.isdir(revision):
        return os.path.basename(os.path.normpath(revision)), Path(revision).resolve()
    sha = subprocess.run(["git", "rev-parse", "--short", revision], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    target = ROOT / "var" / "bench" / f"tree-{sha}"
    if not target.exists():
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    shutil.copytree(ROOT / "bench", target / "bench", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("out", "__pycache__"))
    return sha, target


def compare(args, env, child):
    sha, tree = export_tree(args.baseline)
    # Its own static files: the manifest its pages name them by.
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput"], cwd=tree,
                   env={**env, "PYTHONPATH": str(tree)}, check=True, stdout=subprocess.DEVNULL)
    trees = [(f"{sha} (before)", tree), ("this tree", ROOT)]
    medians = {name: {} for name, _ in trees}
    for number in range(args.rounds):
        for name, root in trees:
            print(f"round {number + 1}, {name}: load average {load_average()}", flush=True)
            completed = subprocess.run(
                [PYTHON, *child, "--json"], cwd=root, env={**env, "PYTHONPATH": str(root)},
                check=True, stdout=subprocess.PIPE, text=True,
            )
            for label, value in json.loads(completed.stdout.strip().splitlines()[-1]).items():
                medians[name].setdefault(label, []).append(value)
    before, after = (medians[name] for name, _ in trees)
    print(f"\nmedian of {args.rounds} rounds' medians, CPU ms; load average {load_average()}\n")
    print(f"| {'request':<40} | {sha + ' ms':>12} | {'now ms':>8} | {'now/before':>10} |")
    print(f"|{'-' * 42}|{'-' * 13}:|{'-' * 9}:|{'-' * 11}:|")
    for label in after:
        old = statistics.median(before[label]) if label in before else None
        new = statistics.median(after[label])
        ratio = f"{new / old:.2f}" if old else ""
        old_text = f"{old:.2f}" if old is not None else "-"
        print(f"| {label:<40} | {old_text:>12} | {new:8.2f} | {ratio:>10} |")
    return 0


# Inside: Django is set up from the environment the parent prepared.


def measure(rows, count, profile, out):
    """Time each row's request once per round, `count` rounds after a warm-up;
    print and return the median CPU ms of each."""
    for _ in range(max(count // 10, 5)):
        for _label, request in rows:
            request()
    cpu = {label: [] for label, _ in rows}
    wall = {label: [] for label, _ in rows}
    # Process CPU time, like the figures: time spent waiting for the database
    # (which wall-clock profiles put at the top) is not the app's work.
    profilers = {label: cProfile.Profile(time.process_time) for label, _ in rows} if profile else {}
    for _ in range(count):
        for label, request in rows:
            profiler = profilers.get(label)
            if profiler:
                profiler.enable()
            c0, w0 = time.process_time(), time.perf_counter()
            request()
            cpu[label].append((time.process_time() - c0) * 1000)
            wall[label].append((time.perf_counter() - w0) * 1000)
            if profiler:
                profiler.disable()
    print("| request                                  |  CPU ms | wall ms |", file=out)
    print("|------------------------------------------|--------:|--------:|", file=out)
    for label, _ in rows:
        print(f"| {label:<40} | {statistics.median(cpu[label]):7.2f} | "
              f"{statistics.median(wall[label]):7.2f} |", file=out, flush=True)
    for label, profiler in profilers.items():
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(r"(campaign|articles|django)", 30)
        stats.sort_stats("tottime").print_stats(25)
        print(f"\n## {label}\n{text.getvalue()}", file=sys.stderr)
    return {label: statistics.median(values) for label, values in cpu.items()}


def editor_user():
    from django.contrib.auth.models import Group, User

    from campaign.roles import EDITORS

    user, _ = User.objects.get_or_create(username="bench-editor",
                                         defaults={"is_staff": True})
    group = Group.objects.filter(name=EDITORS).first()
    if group:
        user.groups.add(group)
    return user


def session_cookie(client):
    """A visitor with a session (a language chosen, a message pending...): the
    page cache leaves them out."""
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["bench"] = 1
    store.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key


def inside(args):
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from bench.signing import form_data, signing_form

    out = sys.stderr if args.json else sys.stdout
    urls_out = subprocess.run([PYTHON, "-m", "bench.fixtures", "setup"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True, check=True)
    urls = json.loads(urls_out.stdout.strip().splitlines()[-1])
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    number = [0]

    def get(path, who=client, headers=None):
        def request():
            response = who.get(path, headers=headers)
            assert response.status_code == 200, (path, response.status_code)
            return response
        return request

    def visitor():
        # A new visitor has no cookies. (A new Client would also load the
        # middleware again, which a server does once per process.)
        fresh = Client()
        fresh.handler = client.handler
        return fresh

    def new_visitor():
        fresh = visitor()
        response = fresh.get(urls["petition"])
        assert response.status_code == 200, response.status_code
        return fresh, response

    # The POST alone: each visitor's page is fetched and read before the timing.
    pending = []

    def post_only():
        fresh, form = pending.pop()
        number[0] += 1
        data = form_data(form, f"cpu-{os.getpid()}-{number[0]}@bench.example", number[0])
        response = fresh.post(form["action"] or urls["petition"], urlencode(data),
                              content_type="application/x-www-form-urlencoded")
        assert response.status_code in (302, 303), response.status_code

    rows = [(f"GET {name}", get(urls[name]))
            for name in ("home", "petition", "petition_empty", "briefing", "counter", "json")]
    rows.append(("GET petition, new visitor", lambda: new_visitor()[1]))
    rows.append(("POST signature (form fetched before)", post_only))
    if args.uncached:
        with_session, editor = visitor(), visitor()
        session_cookie(with_session)
        editor.force_login(editor_user())
        for name in ("petition", "petition_empty", "briefing", "home"):
            rows.append((f"GET {name}, with a session", get(urls[name], with_session)))
            rows.append((f"GET {name}, editor", get(urls[name], editor)))
            rows.append((f"GET {name}, htmx", get(urls[name], visitor(), {"HX-Request": "true"})))
    if args.only:
        rows = [(label, request) for label, request in rows if args.only in label]
    if any(label.startswith("POST") for label, _ in rows):
        rounds = args.requests + max(args.requests // 10, 5)
        for _ in range(rounds):
            fresh, response = new_visitor()
            pending.append((fresh, signing_form(response.content.decode())))
    figures = measure(rows, args.requests, args.profile, out)
    if args.json:
        print(json.dumps(figures))
    return 0


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.inside:
        return inside(args)
    return outside(args)


if __name__ == "__main__":
    sys.exit(main())
