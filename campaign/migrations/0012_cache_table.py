"""The database cache's table, made by `migrate` like every other table.

Without it, a site set up with a plain `manage.py migrate` (what deployment guides and
platforms run) answers every page with an error until someone runs `createcachetable`.
The command makes the table of each database cache in CACHES and leaves existing tables
alone; with Redis as the cache it does nothing.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0011_mailing_site_url"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False),
    ]
