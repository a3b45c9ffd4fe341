"""The outbox: every outgoing message is an OutgoingMail row delivered by a task.

    queue_mail("signature-confirm", signature.email, {"signature": signature, ...})

renders templates/emails/signature-confirm-subject.txt, -body.txt and
-body.html in the active language, stores the row in the caller's transaction
and enqueues `deliver_mail` (below): with the database task backend in
that same transaction (the task row commits with the mail row, in one commit),
with any other backend once the transaction has committed. If it rolls back,
no mail goes out; if the mail server is down, the row stays queued and is
retried with backoff, then marked failed.

A link that acts for the person it is mailed to (confirm, withdraw,
unsubscribe) is given in the context as `Link(make, *args)` and is never
stored: the row holds a stand-in and what to make the link from, and the link
is made as the message is sent. So the copy kept of a message, and a copy of
the database, confirm or withdraw nothing.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, router, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now):
        """Queued messages whose next attempt is not in the future."""
        return self.filter(state=OutgoingMail.State.QUEUED, next_attempt_at__lte=now)

    def finished_before(self, cutoff):
        """Messages sent or given up on before `cutoff`: only a copy is left to delete."""
        return self.exclude(state=OutgoingMail.State.QUEUED).filter(updated_at__lt=cutoff)


class OutgoingMail(models.Model):
    """One message to one address. Rows are written in the same transaction as
    the change that causes them, so a message is never lost when the mail server
    is down: the task retries it and `send_queued_mail` recovers what is left."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    template = models.CharField(_("template"), max_length=100)
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # {stand-in in the bodies: [path of the function that makes the link, its arguments]}
    links = models.JSONField(_("links made when sent"), default=dict, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.template} → {self.to} ({self.get_state_display()})"


def backoff(attempts):
    """Wait before attempt number attempts + 1: 1, 4, 16, 64 minutes."""
    return timedelta(minutes=4 ** max(attempts - 1, 0))


class Link:
    """A link made only when its message is sent: `make(*args)`, a function at the
    top of a module, returns the full address, or None when what it names is gone
    (a withdrawn signature). Only the function's path and the arguments (JSON)
    are stored with the message."""

    def __init__(self, make, *args):
        self.path = f"{make.__module__}.{make.__qualname__}"
        self.args = list(args)


def make_message(name, to, ctx):
    """Render the three templates of one email into a message ready to send."""
    ctx = {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "LANGUAGE_CODE": get_language(),
        **ctx,
    }
    subject = render_to_string(f"emails/{name}-subject.txt", ctx)
    # A subject is one line whatever the template's whitespace.
    subject = " ".join(subject.split())
    text = render_to_string(f"emails/{name}-body.txt", ctx)
    html = render_to_string(f"emails/{name}-body.html", ctx)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    return message


def queue_mail(name, to, ctx):
    """Store a message for `to` and deliver it after the current transaction commits."""
    ctx = dict(ctx)
    links = {}
    for key, value in ctx.items():
        if isinstance(value, Link):
            stand_in = f"mail-link-{secrets.token_hex(8)}"
            links[stand_in] = [value.path, *value.args]
            ctx[key] = stand_in
    message = make_message(name, to, ctx)
    html = next((body for body, mime in message.alternatives if mime == "text/html"), "")
    row = OutgoingMail.objects.create(
        template=name,
        to=to,
        subject=message.subject,
        body_text=message.body,
        body_html=html,
        links=links,
        next_attempt_at=timezone.now(),
    )
    if queue_shares_the_database():
        enqueue_delivery(row.pk)
    else:
        # robust: a queue that cannot take the task must not undo the caller's
        # committed work; the row stays queued for `send_queued_mail`.
        transaction.on_commit(lambda: enqueue_delivery(row.pk), robust=True)
    return row


def queue_shares_the_database():
    """Whether tasks are rows in the database mail is stored in, so a task can
    be written in the same transaction as its mail."""
    backend = deliver_mail.get_backend()
    return isinstance(backend, DatabaseBackend) and router.db_for_write(
        OutgoingMail
    ) == router.db_for_write(DBTaskResult)


def enqueue_delivery(mail_id, delay=None):
    task = deliver_mail
    if delay is not None and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue(mail_id)


def retry(mail_id):
    """Give a failed message a fresh set of attempts (from the admin)."""
    OutgoingMail.objects.filter(pk=mail_id).exclude(state=OutgoingMail.State.SENT).update(
        state=OutgoingMail.State.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: enqueue_delivery(mail_id), robust=True)


def sending_lease():
    """How long a claimed message may take to send before another sender may try it:
    a connection and a reply, each allowed EMAIL_TIMEOUT, and time to spare."""
    return timedelta(seconds=3 * settings.EMAIL_TIMEOUT + 30)


def with_links(row):
    """The row's text and HTML bodies with its links made, or None if one names
    something that is gone."""
    text, html = row.body_text, row.body_html
    for stand_in, (path, *args) in row.links.items():
        url = import_string(path)(*args)
        if url is None:
            return None
        text = text.replace(stand_in, url)
        html = html.replace(stand_in, escape(url))
    return text, html


def deliver(mail_id):
    """Send one queued message. Returns its state afterwards.

    Claiming the row by raising `attempts` with a conditional update means two
    workers handed the same message (a task and the recovery command) cannot
    both send it: only one update matches. A claimed row is left alone by
    everyone else until its sender records the outcome, or until
    `sending_lease()` has passed without one (the sender died).
    """
    row = OutgoingMail.objects.filter(pk=mail_id).first()
    if row is None or row.state != OutgoingMail.State.QUEUED:
        return row.state if row else None
    now = timezone.now()
    # Free: never claimed, or its last attempt failed (a failure moves next_attempt_at
    # past updated_at), or claimed by a sender that has not been heard of since the lease.
    free = (
        Q(attempts=0)
        | Q(next_attempt_at__gt=F("updated_at"))
        | Q(updated_at__lt=now - sending_lease())
    )
    claimed = OutgoingMail.objects.filter(
        free, pk=row.pk, state=OutgoingMail.State.QUEUED, attempts=row.attempts
    ).update(attempts=row.attempts + 1, updated_at=now)
    if not claimed:
        return OutgoingMail.objects.get(pk=row.pk).state
    row.attempts += 1

    try:
        bodies = with_links(row)
        if bodies is None:
            row.state = OutgoingMail.State.FAILED
            row.last_error = "Not sent: what its link names no longer exists."
            row.save(update_fields=["state", "last_error", "updated_at"])
            return row.state
        text, html = bodies
        message = EmailMultiAlternatives(row.subject, text, settings.DEFAULT_FROM_EMAIL, [row.to])
        if html:
            message.attach_alternative(html, "text/html")
        message.send()
    except Exception as error:  # any backend error: record it, retry later
        logger.warning("Mail %s to %s failed (attempt %s): %s", row.pk, row.to, row.attempts, error)
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        if row.attempts >= MAX_ATTEMPTS:
            row.state = OutgoingMail.State.FAILED
        else:
            row.next_attempt_at = timezone.now() + backoff(row.attempts)
        row.save(update_fields=["last_error", "state", "next_attempt_at", "updated_at"])
        if row.state == OutgoingMail.State.QUEUED:
            enqueue_delivery(row.pk, delay=backoff(row.attempts))
        return row.state

    row.state = OutgoingMail.State.SENT
    row.sent_at = timezone.now()
    row.last_error = ""
    row.save(update_fields=["state", "sent_at", "last_error", "updated_at"])
    return row.state


@task()
def deliver_mail(mail_id):
    """Send one OutgoingMail row; on failure it re-queues itself with backoff."""
    return deliver(mail_id)
