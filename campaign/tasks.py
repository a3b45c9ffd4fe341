"""Background work run by `manage.py db_worker` (django-tasks, database backend).

Tasks take ids, not objects, so they can be queued as JSON and re-run safely.
"""

from django_tasks import task

from campaign import mail, moderation


@task()
def deliver_mail(mail_id):
    """Send one OutgoingMail row; on failure it re-queues itself with backoff."""
    return mail.deliver(mail_id)


@task()
def mail_campaign_update(mailing_id):
    """Queue a campaign update for every subscriber, in batches (campaign.moderation)."""
    return moderation.mail_update(mailing_id)
