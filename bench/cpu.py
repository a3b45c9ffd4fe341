"""
CPU time per request, measured inside one process with Django's test client.

    python -m bench.cpu                         # PostgreSQL, 0 signatures
    python -m bench.cpu --database sqlite --signatures 1000000
    python -m bench.cpu --redis --profile       # cache in Redis; cProfile's top functions

The load test (`python -m bench`) says how fast the site is on this machine
with everything sharing the cores; this says what one request costs the app
itself (process CPU time, so neither the database server nor other processes
count), which is what to profile and what does not change with the load.
Each figure is the median of --requests requests after a warm-up.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
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
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", action="store_true", help="reuse the database as it is")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
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
    manage(env, "collectstatic", "--noinput")
    if args.keep:
        # The database as another run left it: only what this one needs.
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
    else:
        prepare(env, config)
        if args.signatures:
            fixtures(env, "bulk", str(args.signatures))
    child = [PYTHON, "-m", "bench.cpu", "--inside", "--requests", str(args.requests)]
    if args.profile:
        child.append("--profile")
    return subprocess.run(child, cwd=ROOT, env=env, check=False).returncode


# Inside: Django is set up from the environment the parent prepared.


def measure(label, request, count, profile):
    for _ in range(max(count // 10, 5)):
        request()
    cpu, wall = [], []
    profiler = cProfile.Profile() if profile else None
    for _ in range(count):
        if profiler:
            profiler.enable()
        c0, w0 = time.process_time(), time.perf_counter()
        request()
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
        if profiler:
            profiler.disable()
    print(f"| {label:<34} | {statistics.median(cpu):7.2f} | {statistics.median(wall):7.2f} |",
          flush=True)
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(r"(campaign|articles|django)", 30)
        stats.sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)


def inside(args):
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from bench.signing import form_data, signing_form

    urls_out = subprocess.run([PYTHON, "-m", "bench.fixtures", "setup"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True, check=True)
    urls = json.loads(urls_out.stdout.strip().splitlines()[-1])
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    number = [0]

    def get(path):
        def request():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response
        return request

    def new_visitor():
        # A new visitor has no cookies. (A new Client would also load the
        # middleware again, which a server does once per process.)
        fresh = Client()
        fresh.handler = client.handler
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

    print("| request                            |  CPU ms | wall ms |")
    print("|------------------------------------|--------:|--------:|")
    for name in ("home", "petition", "briefing", "counter", "json"):
        measure(f"GET {name}", get(urls[name]), args.requests, args.profile)
    measure("GET petition, new visitor", new_visitor, args.requests, args.profile)
    for _ in range(args.requests + max(args.requests // 10, 5)):
        fresh, response = new_visitor()
        pending.append((fresh, signing_form(response.content.decode())))
    # A signature is the two: a new visitor's page and the POST.
    measure("POST signature (form fetched before)", post_only, args.requests, args.profile)
    return 0


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.inside:
        return inside(args)
    return outside(args)


if __name__ == "__main__":
    sys.exit(main())
