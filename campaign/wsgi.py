"""WSGI entry point: `gunicorn campaign.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")

application = get_wsgi_application()

# The petition page's map reads its country shapes once per process (about a
# second): do it as the server process starts, not in a visitor's request.
from campaign.petition.pictures import warm_up  # noqa: E402

warm_up()
