"""
The benchmark's data, run inside Django in a child process with the run's
DATABASE_URL:

    python -m bench.fixtures setup      # petition + briefing; prints their URLs as JSON
    python -m bench.fixtures bulk N     # top the petition up to N counted signatures
    python -m bench.fixtures count      # signature rows of the petition, as JSON

Bulk loading is one INSERT ... SELECT over generate_series (PostgreSQL) or a
recursive CTE (SQLite), then the stored count and per-country tallies are set
the way campaign.petition.signatures keeps them.
"""

import json
import sys

SLUG = "bench-petition"
EMPTY_SLUG = "bench-petition-empty"
BRIEFING_SLUG = "bench-briefing"
# Counter endpoints by the URL names the petition may use, first found wins.
COUNTER_URL_NAMES = ("petition_counter", "petition_count", "petition_live_count")
COUNTRIES = ("KR", "US", "GB", "JP", "DE", "FR", "CA", "AU", "TW", "NL")

BRIEFING_BODY = "\n\n".join(
    [
        "## Why this matters",
        "Every year people who escaped North Korea are arrested in China and sent back. "
        "Those returned face interrogation, prison camps and worse. " * 4,
        "- They are refugees under international law.\n- China signed the Refugee Convention."
        "\n- Forced return breaks the principle of non-refoulement.",
        "## What can be done",
        "Governments can raise each case, offer safe passage to a third country, and ask the "
        "UN to monitor the border. Public pressure has freed people before. " * 5,
    ]
)


def setup():
    from django.core.management import call_command
    from django.urls import NoReverseMatch, reverse

    from articles.models import Briefing
    from campaign.models import Petition

    try:
        call_command("load_demo", verbosity=0)
    except Exception as error:  # demo content is a nicety for the transfer sizes
        print(f"load_demo failed, going on without it: {error}", file=sys.stderr)
    petition_fields = {
        "title": "Stop the forced return of North Korean refugees",
        "statement": "We ask the government of China to stop sending refugees back.",
        "addressee": "The government of China",
        "state": Petition.State.OPEN,
        "goal": 2_000_000,
    }
    petition, _ = Petition.objects.update_or_create(slug=SLUG, defaults=petition_fields)
    # The same page with no signatures, measured in turn with the loaded one
    # so that both figures see the same machine (see bench/README.md).
    empty, _ = Petition.objects.update_or_create(slug=EMPTY_SLUG, defaults=petition_fields)
    briefing = Briefing.objects.published().order_by("-published_on").first()
    if briefing is None:
        briefing, _ = Briefing.objects.update_or_create(
            slug=BRIEFING_SLUG,
            defaults={
                "title": "Forced repatriation, explained",
                "deck": "What happens to those sent back, and who can stop it.",
                "summary": "A short account of the forced returns.",
                "body": BRIEFING_BODY,
                "status": "published",
            },
        )
    counter_url = None
    for name in COUNTER_URL_NAMES:
        try:
            counter_url = reverse(name, kwargs={"slug": petition.slug})
            break
        except NoReverseMatch:
            continue
    urls = {
        "home": reverse("home"),
        "petition": petition.get_absolute_url(),
        "petition_empty": empty.get_absolute_url(),
        "json": reverse("petition_json", kwargs={"slug": petition.slug}),
        "counter": counter_url,
        "briefing": briefing.get_absolute_url(),
    }
    print(json.dumps(urls))


def _column_values(Signature, vendor):
    """SQL for each column of a generated signature row, `n` being its number
    (with % doubled: the statement goes through the driver's placeholders)."""
    from django.db import models

    if vendor == "postgresql":
        text = "n::text"
        unique_hex = "md5(n::text || 'bench')"
        now = "now()"
    else:
        text = "CAST(n AS TEXT)"
        unique_hex = "lower(hex(randomblob(16)))"
        now = "strftime('%%Y-%%m-%%d %%H:%%M:%%f', 'now')"
    email = f"'bulk-' || {text} || '@bench.example'"
    countries = ", ".join(f"'{code}'" for code in COUNTRIES)
    if vendor == "postgresql":
        country = f"(ARRAY[{countries}])[1 + n %% {len(COUNTRIES)}]"
    else:
        country = "CASE n %% {k} {cases} END".format(
            k=len(COUNTRIES),
            cases=" ".join(f"WHEN {i} THEN '{c}'" for i, c in enumerate(COUNTRIES)),
        )
    known = {
        "petition": "%s",
        "name": f"'Signer ' || {text}",
        "email": email,
        "normalised_email": email,
        "country": country,
        "state": "'confirmed'",
        "flagged": "false" if vendor == "postgresql" else "0",
        "show_name": "(n %% 2 = 0)",
        # Like a real petition: some signers comment and moderators approve some.
        "comment": f"CASE WHEN n %% 500 = 0 THEN 'Signing because ' || {text} ELSE '' END",
        "comment_state": "CASE WHEN n %% 500 = 0 THEN 'approved' ELSE 'pending' END",
        "created_at": now,
        "updated_at": now,
        "confirmed_at": now,
    }
    columns, values = [], []
    for field in Signature._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(field.column)
        if field.name in known:
            values.append(known[field.name])
        elif field.unique or (isinstance(field, models.CharField) and not field.has_default()
                              and not field.blank):
            values.append(unique_hex)
        elif field.has_default():
            default = field.get_default()
            if isinstance(default, bool):
                values.append(("true" if default else "false") if vendor == "postgresql"
                              else str(int(default)))
            elif isinstance(default, int):
                values.append(str(default))
            else:
                values.append("'" + str(default).replace("'", "''") + "'")
        elif field.null:
            values.append("NULL")
        elif isinstance(field, models.DateTimeField):
            values.append(now)
        else:
            values.append("''")
    return columns, values


def bulk(target):
    """Add counted signatures until the petition has `target` of them."""
    from django.db import connection, transaction

    from campaign.models import CountryTally, Petition, Signature

    petition = Petition.objects.get(slug=SLUG)
    have = Signature.objects.filter(petition=petition, normalised_email__startswith="bulk-").count()
    missing = target - have
    if missing > 0:
        vendor = connection.vendor
        columns, values = _column_values(Signature, vendor)
        table = Signature._meta.db_table
        if vendor == "postgresql":
            source = "generate_series(%s, %s) AS n"
            sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
                   f"SELECT {', '.join(values)} FROM {source}")
        else:
            sql = (
                "WITH RECURSIVE series(n) AS (SELECT %s UNION ALL SELECT n + 1 FROM series "
                "WHERE n < %s) "
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"SELECT {', '.join(values)} FROM series"
            )
        with transaction.atomic(), connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute(sql, [petition.pk, have + 1, target])
            else:
                cursor.execute(sql, [have + 1, target, petition.pk])
    with transaction.atomic():
        counted = Signature.objects.filter(petition=petition).counted()
        CountryTally.objects.filter(petition=petition).delete()
        from django.db.models import Count

        tallies = counted.values("country").annotate(n=Count("id")).order_by()
        CountryTally.objects.bulk_create(
            CountryTally(petition=petition, country=row["country"], count=row["n"])
            for row in tallies
        )
        Petition.objects.filter(pk=petition.pk).update(signature_count=counted.count())
    # Leave nothing for the database to do in the background once the figures
    # start: after a bulk load PostgreSQL's autovacuum would otherwise scan the
    # new rows while the page is measured (and SQLite's WAL holds them all).
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"VACUUM (ANALYZE) {Signature._meta.db_table}")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(json.dumps({"counted": target}))


def count():
    from campaign.models import Petition, Signature

    petition = Petition.objects.get(slug=SLUG)
    rows = Signature.objects.filter(petition=petition).exclude(
        normalised_email__startswith="bulk-"
    )
    print(json.dumps({"signatures": rows.count()}))


def main(argv):
    import django

    django.setup()
    command = argv[1] if len(argv) > 1 else ""
    if command == "setup":
        setup()
    elif command == "bulk":
        bulk(int(argv[2]))
    elif command == "count":
        count()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
    main(sys.argv)
