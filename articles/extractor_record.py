"""The extractor's record on this campaign's own briefings, read from editors' decisions.

Every citation is one sentence the extractor suggested or an editor added,
and its talking point carries the editors' verdict:

* suggested and approved: the extractor was right; if an editor changed the
  point's addressee since, it was right about the call but wrong about who
  is asked to act (the extractor's choice stays on the citation);
* suggested and rejected: it was wrong;
* added by an editor: it missed the call (unless the editor rejected the
  point later, which takes the sentence back);
* suggested and not yet reviewed: not counted.

From these come the figures the extractor is measured by on labelled texts
(precision, recall, F1, addressee accuracy), so editors can see how far to
trust its suggestions. The arithmetic (``Record``, ``verdict``) needs no
database; ``extractor_record`` reads the citations in one query.
"""

from __future__ import annotations

from dataclasses import dataclass

from articles.models import Briefing, Citation, TalkingPoint

RIGHT = "right"
WRONG_ADDRESSEE = "wrong_addressee"
WRONG = "wrong"
MISSED = "missed"
WAITING = "waiting"


def verdict(added_by_editor, extracted_addressee, status, addressee):
    """What one citation says about the extractor: one of the names above, or None.

    ``extracted_addressee`` is the extractor's choice for the sentence,
    ``status`` and ``addressee`` its talking point's now. A citation with no
    recorded choice counts as addressed as the extractor chose.
    """
    if added_by_editor:
        return None if status == TalkingPoint.Status.REJECTED else MISSED
    if status == TalkingPoint.Status.REJECTED:
        return WRONG
    if status != TalkingPoint.Status.APPROVED:
        return WAITING
    if extracted_addressee and extracted_addressee != addressee:
        return WRONG_ADDRESSEE
    return RIGHT


def _share(part, whole):
    return part / whole if whole else None


@dataclass
class Record:
    """Counts of verdicts and the figures drawn from them (None where nothing is known)."""

    right: int = 0
    wrong_addressee: int = 0
    wrong: int = 0
    missed: int = 0
    waiting: int = 0

    def count(self, name):
        setattr(self, name, getattr(self, name) + 1)

    def __add__(self, other):
        return Record(
            *(getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__)
        )

    @property
    def found(self):
        """Calls the extractor suggested that editors approved, whatever their addressee."""
        return self.right + self.wrong_addressee

    @property
    def precision(self):
        """Of its suggestions editors decided on, the share that were calls."""
        return _share(self.found, self.found + self.wrong)

    @property
    def recall(self):
        """Of the calls editors know of, the share it suggested."""
        return _share(self.found, self.found + self.missed)

    @property
    def f1(self):
        if self.precision is None or self.recall is None or not self.found:
            return None
        return 2 * self.precision * self.recall / (self.precision + self.recall)

    @property
    def addressee_accuracy(self):
        """Of the calls it found, the share addressed as editors left them."""
        return _share(self.right, self.found)

    @property
    def figures(self):
        """(precision, recall, F1, addressee accuracy), in the order the admin shows them."""
        return (self.precision, self.recall, self.f1, self.addressee_accuracy)


def tally(rows):
    """A Record from (added_by_editor, extracted_addressee, status, addressee) rows."""
    record = Record()
    for row in rows:
        name = verdict(*row)
        if name is not None:
            record.count(name)
    return record


def extractor_record():
    """([(briefing, Record)] for every briefing in the editors' order, the overall Record)."""
    rows = {}
    citations = Citation.objects.values_list(
        "briefing_id",
        "added_by_editor",
        "extracted_addressee",
        "talking_point__status",
        "talking_point__addressee",
    )
    for briefing_id, *row in citations:
        rows.setdefault(briefing_id, []).append(row)
    per_briefing = [
        (briefing, tally(rows.get(briefing.pk, [])))
        for briefing in Briefing.objects.in_order()
    ]
    overall = sum((record for _briefing, record in per_briefing), Record())
    return per_briefing, overall


def briefing_record(briefing):
    """The Record of one briefing."""
    return tally(
        briefing.citations.values_list(
            "added_by_editor",
            "extracted_addressee",
            "talking_point__status",
            "talking_point__addressee",
        )
    )
