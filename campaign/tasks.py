"""Where queued tasks were found before each feature kept its own.

django-tasks stores a task's import path with every queued row. Rows queued
before the move name `campaign.tasks.deliver_mail` and
`campaign.tasks.mail_campaign_update`; these names keep them running. Remove
this module one release after the move, once no such rows are left.
"""

from campaign.lib.outbox import deliver_mail
from campaign.moderation.updates import mail_campaign_update

__all__ = ["deliver_mail", "mail_campaign_update"]
