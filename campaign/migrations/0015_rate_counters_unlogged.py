from django.db import migrations


def set_persistence(persistence):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(apps.get_model("campaign", "RateCounter")._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} SET {persistence}")

    return run


class Migration(migrations.Migration):
    """Rate counters skip PostgreSQL's write-ahead log: a hit commits without
    waiting for the disk, and a crash only starts the windows afresh."""

    dependencies = [
        ("campaign", "0014_outgoingmail_links"),
    ]

    operations = [
        migrations.RunPython(set_persistence("UNLOGGED"), set_persistence("LOGGED")),
    ]
