"""Rules about signatures that need no database: plain functions, easy to test."""

import re

# Providers known to ignore dots in the local part and to deliver "+tag"
# addresses to the same mailbox.
GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


# Most providers deliver "name+tag@" to "name@" (Gmail, Outlook, Fastmail, Proton,
# iCloud, Yahoo uses "-"), so someone could sign many times with tags. We strip
# "+tags" on every domain: the cost is that two different people on a rare
# server that treats "+" as an ordinary character could not both sign, which is
# far less harmful than letting one person sign a thousand times. Dots are only
# removed for Gmail, where they are documented to be ignored; elsewhere they
# often separate different people (jane.kim@ and janekim@).
def normalise_email(address):
    """The form of an address used to recognise the same person signing twice."""
    address = address.strip().lower()
    local, sep, domain = address.rpartition("@")
    if not sep:
        return address
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        domain = "gmail.com"
        local = local.replace(".", "")
    return f"{local}@{domain}"


def email_domain(address):
    return address.strip().lower().rpartition("@")[2]


def domain_and_parents(domain):
    """mail.example.co.uk → mail.example.co.uk, example.co.uk, co.uk (not the TLD)."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


_URLISH = re.compile(r"(https?:|www\.|\w\.(com|net|org|info|ru|cn|xyz|top|io)\b)", re.I)
# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_STARTS = ("=", "+", "-", "@")


def name_problem(name):
    """Why a signer's name is refused, or None. Spam links and spreadsheet formulas."""
    stripped = name.strip()
    if stripped.startswith(_FORMULA_STARTS):
        return "formula"
    if _URLISH.search(stripped):
        return "url"
    return None


_EAST_ASIAN = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]")


def public_name(name):
    """What the public list shows: "Anna Maria Berg" → "Anna B.", "김민준" → "김**".

    A Korean or Chinese name written as one word is the full name, so all but
    its first character (the family name) is masked.
    """
    words = name.split()
    if not words:
        return ""
    if len(words) == 1:
        word = words[0]
        if len(word) > 1 and _EAST_ASIAN.search(word):
            return word[0] + "*" * (len(word) - 1)
        return word
    return f"{words[0]} {words[-1][0]}."


# Milestones: every power of ten from a hundred, and the goal. A bar that fills
# towards the next one is never almost empty for long (at 10 signatures it
# shows 10 of 100, not 10 of 10,000), and round numbers are what people
# retell ("a thousand people have signed").
FIRST_MILESTONE = 100


def milestones_between(low, high, goal):
    """The milestones above `low` up to and including `high`, smallest first:
    those a count passed on its way from low to high."""
    found = {goal} if goal > 0 and low < goal <= high else set()
    step = FIRST_MILESTONE
    while step <= high:
        if step > low:
            found.add(step)
        step *= 10
    return sorted(found)


def next_milestone(count, goal):
    """The next number to aim for: the smallest milestone above count."""
    count = max(count, 0)
    candidates = [goal] if goal > count else []
    step = FIRST_MILESTONE
    while step <= count:
        step *= 10
    candidates.append(step)
    return min(candidates)
