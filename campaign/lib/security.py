"""Security helpers for views and logs."""

import logging

from csp.decorators import csp_replace
from django.views.decorators.clickjacking import xframe_options_exempt


def frameable(view):
    """Let any site show this view in a frame (the petition widget).

    Every other page refuses to be framed, through both X-Frame-Options and the
    Content-Security-Policy frame-ancestors directive; this lifts both for one view.
    """
    return xframe_options_exempt(csp_replace({"frame-ancestors": ["*"]})(view))


class WithoutTraceback(logging.Filter):
    """A logging filter that keeps the message and drops the traceback: for
    expected refusals (a request naming another host) that would otherwise
    print a traceback each time."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True
