"""Admin registrations, one module per feature."""

from campaign.admin import letters, petition  # noqa: F401
