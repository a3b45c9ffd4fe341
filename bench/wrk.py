"""GET load with wrk (Debian package `wrk`), bounded in time and in requests."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Each wrk thread stops itself after its share of the request budget; `done`
# reports the responses that were not 2xx/3xx, which wrk's summary lumps together.
LUA = """
local budget = %(per_thread)d
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) sent = 0; bad = 0 end
function response(status, headers, body)
  sent = sent + 1
  if status >= 400 then bad = bad + 1 end
  if sent >= budget then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local total_bad = 0
  for _, thread in ipairs(threads) do total_bad = total_bad + thread:get("bad") end
  io.write(string.format("bad_responses %%d\\n", total_bad))
end
"""

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def available():
    return shutil.which("wrk") is not None


def parse_duration_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse_output(output):
    """Requests, req/s, p50/p99 in ms, errors from `wrk --latency` output."""
    result = {}
    requests = re.search(r"^\s*(\d+) requests in ([\d.]+)(\w+)", output, re.M)
    if requests:
        result["requests"] = int(requests.group(1))
    rate = re.search(r"^Requests/sec:\s*([\d.]+)", output, re.M)
    if rate:
        result["rps"] = float(rate.group(1))
    for label, key in (("50%", "p50"), ("99%", "p99")):
        found = re.search(rf"^\s*{re.escape(label)}\s+([\d.]+(?:us|ms|s))\s*$", output, re.M)
        if found:
            result[key] = parse_duration_ms(found.group(1))
    errors = 0
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
    bad = re.search(r"^bad_responses (\d+)", output, re.M)
    if bad:
        errors += int(bad.group(1))
    result["errors"] = errors
    return result


def run(url, *, seconds, max_requests, connections=32, threads=2, timeout=5):
    """Load `url` for at most `seconds` and `max_requests`; returns parse_output's dict."""
    assert url.startswith("http://127.0.0.1:"), "the benchmark only loads this machine"
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "bounded.lua"
        script.write_text(LUA % {"per_thread": max(max_requests // threads, 1)})
        command = [
            "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s",
            f"--timeout={timeout}s", "--latency", "-s", str(script), url,
        ]
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=False
        )
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed: {completed.stderr.strip()}")
    return parse_output(completed.stdout)
