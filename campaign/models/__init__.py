"""The campaign's models, one module per feature, all exported here."""

from campaign.models.counters import RateCounter
from campaign.models.letters import (
    Letter,
    LetterLanguage,
    Official,
    OfficialResponse,
    letter_counts_by_point,
)
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
    "CountryTally",
    "Letter",
    "LetterLanguage",
    "Official",
    "OfficialResponse",
    "PaperTally",
    "RateCounter",
    "SignatureComment",
    "UpdateMailing",
    "OutgoingMail",
    "Petition",
    "Signature",
    "TimelineEntry",
    "letter_counts_by_point",
]
