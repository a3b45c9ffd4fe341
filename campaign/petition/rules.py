"""Rules about signatures that need no database: plain functions, easy to test."""

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

# Providers known to ignore dots in the local part and to deliver "+tag"
# addresses to the same mailbox.
GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


class UndeliverableAddress(ValueError):
    """An address mail cannot be delivered to as written. `code` says why:
    "invisible" (it holds characters that show as nothing) or "invalid"."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def _has_invisible_characters(text):
    # Format (Cf) and control (Cc) characters: soft hyphens, zero-width spaces,
    # direction marks. Mail code drops them from a domain, so an address with
    # them reaches the same mailbox as one without.
    return any(unicodedata.category(char) in ("Cf", "Cc") for char in text)


def delivery_address(address):
    """The address exactly as mail will be delivered to it, or UndeliverableAddress.

    email-validator does the work, without DNS look-ups: the domain is
    normalised as IDNA does it (fullwidth letters become ASCII, case is folded)
    and kept in its ASCII form, which is what the mail server is given; a
    quoted local part ("x"@d, delivered to x@d), a bracketed IP address, a
    reserved domain (localhost, .test) and a local part in other than ASCII
    (which Django's mail code cannot send to) are refused.
    """
    address = address.strip()
    if _has_invisible_characters(address):
        raise UndeliverableAddress("invisible")
    try:
        checked = validate_email(address, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        raise UndeliverableAddress("invalid") from None
    return f"{checked.local_part}@{checked.ascii_domain}"


# Most providers deliver "name+tag@" to "name@" (Gmail, Outlook, Fastmail, Proton,
# iCloud, Yahoo uses "-"), so someone could sign many times with tags. We strip
# "+tags" on every domain: the cost is that two different people on a rare
# server that treats "+" as an ordinary character could not both sign, which is
# far less harmful than letting one person sign a thousand times. Dots are only
# removed for Gmail, where they are documented to be ignored; elsewhere they
# often separate different people (jane.kim@ and janekim@).
def normalise_email(address):
    """The form of an address used to recognise the same person signing twice:
    the delivered form (`delivery_address`), lower case, without a "+tag", and
    without dots for Gmail. An address that cannot be delivered is only
    trimmed first (old rows, tests)."""
    try:
        address = delivery_address(address)
    except UndeliverableAddress:
        address = address.strip()
    address = address.lower()
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


def visible_text(text):
    """`text` without the characters that show as nothing or reorder what is
    around them: format characters (Cf: direction controls such as U+202E,
    zero-width spaces and joiners, soft hyphens) and control characters (Cc).
    In a name they can only hide or disguise it. (Joiners also shape a few
    scripts and emoji; without them the letters stay and read the same.)"""
    return "".join(char for char in text if unicodedata.category(char) not in ("Cf", "Cc"))


# Dots as a domain can be written with: ASCII, and the ideographic full stop
# (fullwidth and halfwidth forms become one of these under NFKC).
_DOT = "[.\u3002]"
_URLISH = re.compile(
    "|".join(
        [
            # A scheme: "ftp://", "https:", "mailto:", "javascript:".
            r"\b[a-z][a-z0-9+.-]*://",
            r"\b(?:https?|ftp|mailto|javascript|data|file|tel|sms)\s*:",
            rf"\bwww\d*{_DOT}",
            # A host name: a word, a dot and two or more letters that end the word
            # (evil.com, bit.ly/x2, example.co.uk, shop.xn--p1ai). In a person's
            # name a dot ends an abbreviation and is followed by a space or one
            # letter (J.R.R. Tolkien, Kim J.H.), so "St.John" must be "St. John".
            rf"[\w-]{_DOT}(?:[a-z]{{2,}}|xn--[a-z0-9-]+)(?![\w-])",
            # An IP address.
            rf"\b\d{{1,3}}(?:{_DOT}\d{{1,3}}){{3}}\b",
        ]
    ),
    re.IGNORECASE,
)
# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_STARTS = ("=", "+", "-", "@")


def name_problem(name):
    """Why a signer's name is refused, or None: spreadsheet formulas and web
    addresses, in whatever width or script of dots they are written (checked on
    the NFKC form, in which "ｅｖｉｌ．ｃｏｍ" is "evil.com")."""
    folded = unicodedata.normalize("NFKC", visible_text(name)).strip()
    if folded.startswith(_FORMULA_STARTS):
        return "formula"
    if _URLISH.search(folded):
        return "url"
    return None


_EAST_ASIAN = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]")


def public_name(name):
    """What the public list shows: "Anna Maria Berg" → "Anna B.", "김민준" → "김**".

    A Korean or Chinese name written as one word is the full name, so all but
    its first character (the family name) is masked. Invisible characters are
    left out (`visible_text`).
    """
    words = visible_text(name).split()
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
