"""The campaign's models, one module per feature, all exported here."""

from campaign.models.mail import OutgoingMail
from campaign.models.petition import CountryTally, Petition, Signature, TimelineEntry

__all__ = ["CountryTally", "OutgoingMail", "Petition", "Signature", "TimelineEntry"]
