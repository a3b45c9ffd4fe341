"""No private key, cloud key or password is committed: they come from the environment."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}\b"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:[^/\s@'\"]{3,}@"),
}

# A literal assigned to a setting whose name says it is secret. Settings read them from the
# environment instead; the development key is named as such and refused in production.
SECRET_ASSIGNMENT = re.compile(
    r"""^\s*(?![A-Z_]*_SALT\b)[A-Z_]*(SECRET|PASSWORD|TOKEN|API_KEY|PRIVATE_KEY)[A-Z_]*"""
    r"""\s*=\s*["']([^"']+)["']""",
    re.M,
)
# Signing salts (TOKEN_SALT = "...") only namespace signatures; Django documents them as public.
ALLOWED_LITERALS = {"insecure-development-key-never-use-in-production"}


def tracked_files():
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    for name in listing.decode().split("\0"):
        path = ROOT / name
        if name and path.is_file() and path.stat().st_size < 2_000_000:
            yield name, path


def test_no_tracked_file_holds_a_key_or_token():
    found = []
    for name, path in tracked_files():
        text = path.read_text(errors="ignore")
        for what, pattern in SECRET_PATTERNS.items():
            if pattern.search(text):
                found.append(f"{name}: {what}")
    assert not found, "\n".join(found)


def test_no_python_file_assigns_a_secret_literal():
    found = []
    for name, path in tracked_files():
        if not name.endswith(".py") or name.startswith("tests/"):
            continue
        for match in SECRET_ASSIGNMENT.finditer(path.read_text(errors="ignore")):
            if match.group(2) not in ALLOWED_LITERALS:
                found.append(f"{name}: {match.group(0).strip()}")
    assert not found, "\n".join(found)


def test_the_scan_would_catch_a_committed_key():
    # Guard against a pattern that silently matches nothing. The sample is assembled here so
    # that this file itself does not hold a match.
    sample = "\n".join(
        [
            "-----BEGIN RSA " + "PRIVATE KEY-----",
            "AKIA" + "ABCDEFGHIJKLMNOP",
            "postgres://u:" + "hunter2@db/x",
        ]
    )
    caught = {what for what, pattern in SECRET_PATTERNS.items() if pattern.search(sample)}
    assert caught == {"private key", "AWS access key", "password in a URL"}
    assert SECRET_ASSIGNMENT.search('EMAIL_HOST_PASSWORD = "hunter2"')
