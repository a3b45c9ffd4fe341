"""The campaign's models, one module per feature, all exported here."""

from campaign.models.letters import (
    Letter,
    LetterLanguage,
    Official,
    OfficialResponse,
    letter_counts_by_point,
)
from campaign.models.mail import OutgoingMail
from campaign.models.petition import CountryTally, Petition, Signature, TimelineEntry

__all__ = [
    "CountryTally",
    "Letter",
    "LetterLanguage",
    "Official",
    "OfficialResponse",
    "OutgoingMail",
    "Petition",
    "Signature",
    "TimelineEntry",
    "letter_counts_by_point",
]
