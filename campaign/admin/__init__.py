"""Admin registrations, one module per feature."""

from campaign.admin import petition  # noqa: F401
