"""Admin registrations, one module per feature."""

from campaign.admin import letters, moderation, petition  # noqa: F401  (moderation extends petition)
