"""The benchmark's pure parts, so they keep working between `make bench` runs."""

import importlib

import pytest

from bench import signing, stats, wrk


def test_every_bench_module_imports():
    for name in ("bench.__main__", "bench.fixtures", "bench.server", "bench.signing",
                 "bench.stats", "bench.transfer", "bench.wrk"):
        importlib.import_module(name)


def test_percentile_interpolates_between_ranks():
    assert stats.percentile([], 0.5) is None
    assert stats.percentile([7], 0.99) == 7
    assert stats.percentile([1, 2, 3, 4], 0.5) == 2.5
    assert stats.percentile(list(range(101)), 0.99) == pytest.approx(99)
    assert stats.median([3, 1, 2]) == 2


def test_median_of_runs_skips_runs_without_the_figure():
    runs = [{"rps": 10}, {"rps": None}, {"rps": 30}, {}]
    assert stats.median_of_runs(runs, "rps") == 20


def test_table_aligns_numbers_right_and_text_left():
    table = stats.format_table(
        ["figure", "req/s"], [["counter", stats.format_number(2345.4)], ["sign", "–"]]
    )
    lines = table.splitlines()
    assert lines[0] == "| figure  | req/s |"
    assert lines[1] == "|---------|------:|"
    assert lines[2] == "| counter | 2,345 |"
    assert lines[3] == "| sign    |     – |"


WRK_OUTPUT = """\
Running 2s test @ http://127.0.0.1:8201/healthz
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.50ms  300.00us   9.00ms   90.00%
  Latency Distribution
     50%  812.00us
     75%    1.20ms
     90%    2.00ms
     99%    1.05s
  4000 requests in 2.00s, 1.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:   1999.50
Transfer/sec:    500.00KB
bad_responses 4
"""


def test_wrk_output_is_read_in_milliseconds():
    result = wrk.parse_output(WRK_OUTPUT)
    assert result["requests"] == 4000
    assert result["rps"] == 1999.5
    assert result["p50"] == pytest.approx(0.812)
    assert result["p99"] == pytest.approx(1050)
    assert result["errors"] == 7


PAGE = """
<form action="/i18n/setlang/" method="post"><input type="hidden" name="csrfmiddlewaretoken"
 value="abc"><select name="language"><option value="en">English</option></select></form>
<form action="/petitions/p/" method="post">
 <input type="hidden" name="csrfmiddlewaretoken" value="tok">
 <input type="hidden" name="started" value="stamp">
 <input type="text" name="name"><input type="email" name="email">
 <select name="country"><option value="">Choose</option><option value="KR">Korea</option></select>
 <input type="checkbox" name="show_name"><input type="text" name="website" tabindex="-1">
</form>
"""


def test_signing_form_is_found_and_filled_like_a_person_would():
    form = signing.signing_form(PAGE)
    assert form["action"] == "/petitions/p/"
    data = signing.form_data(form, "a@bench.example", 2)
    assert data["csrfmiddlewaretoken"] == "tok"
    assert data["started"] == "stamp"
    assert data["country"] == "KR"
    assert data["email"] == "a@bench.example"
    assert "website" not in data, "the honeypot stays empty"


def test_profile_summary_counts_each_function_once_per_sample(tmp_path):
    from bench.__main__ import top_frames

    raw = tmp_path / "profile.txt"
    raw.write_text(
        "handle (gunicorn/x.py:1);sign (campaign/views/petition.py:90);"
        "hit (campaign/abuse.py:60) 3\n"
        "handle (gunicorn/x.py:1);sign (campaign/views/petition.py:95);"
        "render (django/template/base.py:10) 1\n"
    )
    inclusive, own = top_frames(raw)
    assert inclusive[0] == ("sign (campaign/views/petition.py)", 100.0)
    assert ("hit (campaign/abuse.py)", 75.0) in inclusive
    assert own[0] == ("hit (campaign/abuse.py)", 75.0)


def test_the_loaded_page_is_compared_with_the_empty_one_round_by_round():
    from bench.__main__ import paired_ratios

    loaded = [{"p50": 12.0}, {"p50": 30.0}, {"p50": 11.0}, {"p50": None}]
    empty = [{"p50": 12.0}, {"p50": 10.0}, {"p50": 22.0}, {"p50": 9.0}]
    # One round where the loaded run was unlucky, one where the empty run was:
    # the median of the pairs is still the typical round.
    assert paired_ratios(loaded, empty) == [1.0, 3.0, 0.5]
