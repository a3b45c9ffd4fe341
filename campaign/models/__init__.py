"""The campaign's models, one module per feature, all exported here."""

from campaign.models.mail import OutgoingMail
from campaign.models.moderation import (
    CampaignSettings,
    CampaignUpdate,
    PaperTally,
    SignatureComment,
    UpdateMailing,
)
from campaign.models.petition import CountryTally, Petition, Signature, TimelineEntry

__all__ = [
    "CampaignSettings",
    "CampaignUpdate",
    "PaperTally",
    "SignatureComment",
    "UpdateMailing",
    "CountryTally",
    "OutgoingMail",
    "Petition",
    "Signature",
    "TimelineEntry",
]
