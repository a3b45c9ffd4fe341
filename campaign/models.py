"""Every model of the campaign app, for Django to find (it imports `campaign.models`).

Each model lives with its feature; code imports it from there, e.g.
`from campaign.petition.models import Signature`.
"""

from campaign.letters.models import Letter, LetterLanguage, Official, OfficialResponse
from campaign.lib.counters import RateCounter
from campaign.lib.outbox import OutgoingMail
from campaign.moderation.models import CampaignUpdate, SignatureComment, UpdateMailing
from campaign.petition.models import CountryTally, PaperTally, Petition, Signature, TimelineEntry
from campaign.site.models import CampaignSettings, Organisation

__all__ = [
    "CampaignSettings",
    "CampaignUpdate",
    "CountryTally",
    "Letter",
    "LetterLanguage",
    "Official",
    "OfficialResponse",
    "Organisation",
    "OutgoingMail",
    "PaperTally",
    "Petition",
    "RateCounter",
    "Signature",
    "SignatureComment",
    "TimelineEntry",
    "UpdateMailing",
]
