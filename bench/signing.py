"""
The signing load: processes that each behave like a stream of new visitors.

Each signature is a fresh visitor: GET the petition page (keeping the CSRF
cookie it sets), read the signing form's hidden fields (CSRF token, the
time-stamp the fill-time check reads, the source), POST the form with a unique
address, and expect the redirect to the "check your inbox" page. One
keep-alive connection per process; standard library only.

The load generator shares the machine's cores with the server, so it is kept
lean: HTTP/1.1 over a plain socket (http.client parsed every response's
headers with the email package, about 1 ms of CPU per signature) and only the
signing form's part of the page parsed.
"""

import multiprocessing
import re
import socket
import time
from collections import Counter
from html import unescape
from urllib.parse import urlencode, urlsplit

TAG = re.compile(r"<(input|textarea|select)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w-]+)(?:="([^"]*)")?')
OPTION_VALUE = re.compile(r'<option\b[^>]*\bvalue="([^"]+)"', re.IGNORECASE)


def _attributes(text):
    return {name.lower(): unescape(value or "") for name, value in ATTRIBUTE.findall(text)}


def parse_form(form_html):
    """A form's action, method and fields' names and values, read with
    regular expressions: this server's markup is regular, and an HTML parser
    walking ~250 country options cost the load generator a millisecond per page."""
    head = _attributes(form_html[: form_html.index(">")])
    form = {"action": head.get("action", ""), "method": head.get("method", "get").lower(),
            "fields": {}, "selects": {}}
    for match in TAG.finditer(form_html):
        tag, attrs = match.group(1).lower(), _attributes(match.group(2))
        name = attrs.get("name")
        if not name:
            continue
        if tag == "input":
            form["fields"][name] = (attrs.get("type", "text").lower(), attrs.get("value", ""))
        elif tag == "textarea":
            form["fields"][name] = ("textarea", "")
        else:
            end = form_html.find("</select>", match.end())
            form["selects"][name] = OPTION_VALUE.findall(form_html, match.end(), end)
    return form


def signing_form(html):
    """The form with an email field and a CSRF token, or None."""
    # Only the form around the email field is read.
    email = html.find('name="email"')
    start = html.rfind("<form", 0, email) if email >= 0 else -1
    end = html.find("</form>", email)
    if start < 0 or end < 0:
        return None
    form = parse_form(html[start : end + len("</form>")])
    if "email" in form["fields"] and "csrfmiddlewaretoken" in form["fields"]:
        return form
    return None


def form_data(form, email, number):
    """What a signer sends: every hidden field as the page set it (token,
    time-stamp, source), a name, the address, a country; the honeypot and the
    optional fields stay empty, as a person leaves them."""
    data = {name: value for name, (kind, value) in form["fields"].items() if kind == "hidden"}
    data["name"] = f"Bench Signer {number}"
    data["email"] = email
    countries = form["selects"].get("country") or ["KR"]
    data["country"] = countries[number % len(countries)]
    if "show_name" in form["fields"] and number % 2 == 0:
        data["show_name"] = "on"
    return data


class Connection:
    """A keep-alive HTTP/1.1 connection: just enough for this server's answers
    (Content-Length or chunked bodies)."""

    def __init__(self, host, port, timeout=10):
        self.host, self.port, self.timeout = host, port, timeout
        self.sock = None
        self.buffer = b""

    def close(self):
        if self.sock is not None:
            self.sock.close()
        self.sock, self.buffer = None, b""

    def request(self, method, path, body=b"", headers=()):
        if self.sock is None:
            self.sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in headers)]
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        head = self._read_until(b"\r\n\r\n").decode("latin-1")
        status_line, *header_lines = head.split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        length, chunked, cookies, closes = 0, False, [], False
        for line in header_lines:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif name == "set-cookie":
                cookies.append(value)
            elif name == "connection" and value.lower() == "close":
                closes = True
        body = self._read_chunked() if chunked else self._read_exactly(length)
        if closes:
            self.close()
        return status, cookies, body

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("the server closed the connection")
        self.buffer += data

    def _read_until(self, marker):
        while (end := self.buffer.find(marker)) < 0:
            self._fill()
        data, self.buffer = self.buffer[:end], self.buffer[end + len(marker):]
        return data

    def _read_exactly(self, size):
        while len(self.buffer) < size:
            self._fill()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _read_chunked(self):
        parts = []
        while size := int(self._read_until(b"\r\n").split(b";")[0], 16):
            parts.append(self._read_exactly(size))
            self._read_exactly(2)
        self._read_until(b"\r\n")
        return b"".join(parts)


def _cookies(set_cookies, jar):
    for header in set_cookies:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]


def _cookie_header(jar):
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def sign_loop(args):
    """One process: sign until the deadline or the budget, whichever comes first."""
    base_url, path, prefix, seconds, budget = args
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1", "the benchmark only loads this machine"
    connection = Connection(parts.hostname, parts.port)
    statuses = Counter()
    post_ms, get_ms = [], []
    ok = 0
    started = time.monotonic()
    deadline = started + seconds
    number = 0
    while number < budget and time.monotonic() < deadline:
        number += 1
        jar = {}  # a new visitor each time
        try:
            t0 = time.perf_counter()
            status, set_cookies, html = connection.request("GET", path)
            get_ms.append((time.perf_counter() - t0) * 1000)
            _cookies(set_cookies, jar)
            form = signing_form(html.decode("utf-8", "replace")) if status == 200 else None
            if form is None:
                statuses[f"GET {status}"] += 1
                continue
            body = urlencode(form_data(form, f"{prefix}-{number}@bench.example", number))
            headers = [
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Cookie", _cookie_header(jar)),
                ("Referer", base_url + path),
                ("Origin", base_url),
            ]
            t0 = time.perf_counter()
            status, _, _ = connection.request("POST", form["action"] or path,
                                              body=body.encode(), headers=headers)
            post_ms.append((time.perf_counter() - t0) * 1000)
            statuses[status] += 1
            if status in (302, 303):
                ok += 1
        except (OSError, ValueError, IndexError) as error:
            statuses[type(error).__name__] += 1
            connection.close()
    connection.close()
    return {
        "ok": ok,
        "statuses": statuses,
        "post_ms": post_ms,
        "get_ms": get_ms,
        "elapsed": time.monotonic() - started,
    }


def run(base_url, path, *, run_id, processes, seconds, max_signatures):
    """Sign with `processes` parallel visitors; returns the merged results."""
    budget = max(max_signatures // processes, 1)
    jobs = [(base_url, path, f"sign-{run_id}-{i}", seconds, budget) for i in range(processes)]
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        results = pool.map(sign_loop, jobs, chunksize=1)
    merged = {"ok": 0, "statuses": Counter(), "post_ms": [], "get_ms": [], "elapsed": 0.0}
    for result in results:
        merged["ok"] += result["ok"]
        merged["statuses"].update(result["statuses"])
        merged["post_ms"] += result["post_ms"]
        merged["get_ms"] += result["get_ms"]
        merged["elapsed"] = max(merged["elapsed"], result["elapsed"])
    return merged
