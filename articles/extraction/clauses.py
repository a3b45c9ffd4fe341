"""Clauses: the subject of the verb group a trigger opens, and whether the
trigger sits in the main clause.

* The subject is the last clause piece before the modal, with connectives
  ("But", "For this reason,") and inserted clauses ("China, which signed the
  convention, should ...") skipped.
* A modal inside a subordinate clause ("where they must hide", "if they are
  caught, they must pay") or a relative clause ("refugees who must flee") is
  not a demand.
* A complement clause belongs to its matrix verb: "We believe that X must ..."
  is the author's; "Analysts argue that X should ..." is not.
* A clause introduced by "that" after a clause with its own finite verb is
  subordinate: in "Beijing may fear a precedent that others could invoke" the
  modal is in the relative clause, and asks nothing of the others.
* A resolution's paragraph opens with its own verb and no subject ("4. Insists
  that trafficked women must be treated as victims", "Believes that the EU
  should ..."): the body that adopts it speaks, as "we" would.
* A free relative is a subject, commas and all: "Whoever sits in the Blue
  House, or in Yongsan as it is now, must say the word".
* A word after a preposition or a determiner is a noun, not a matrix verb:
  "Diplomats from states that take refugees should ..." has no "states that".
* A second modal joined by "and" shares the first one's subject: in "The report
  must name the camps and must name the guards" the report is asked both times,
  not the camps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONNECTIVES_RE = re.compile(
    r"^(?:(?:but|and|so|yet|also|still|thus|hence|therefore|indeed|instead|now|rather|then"
    r"|first|second|third|finally|above\s+all|in\s+short|of\s+course|meanwhile|moreover"
    r"|furthermore|in\s+the\s+meantime|for\s+this\s+reason|for\s+now|at\s+the\s+same\s+time"
    r"|this\s+is\s+why|that\s+is\s+why|that[’']s\s+why|which\s+is\s+why|this\s+is\s+because"
    r"|in\s+other\s+words|to\s+this\s+end|to\s+that\s+end|at\s+the\s+very\s+least"
    r"|more\s+than\s+ever|ultimately|clearly|surely|simply|certainly)\b[\s,]*)+",
    re.IGNORECASE,
)
_TRAILING_ADVERBS_RE = re.compile(
    r"(?:\s+(?:also|therefore|thus|now|too|still|really|clearly|surely|certainly|first"
    r"|then|itself|themselves|in\s+turn|,))+$",
    re.IGNORECASE,
)
SUBORDINATOR_RE = re.compile(
    r"\b(?:where|when|whenever|because|since|if|unless|while|whereas|although|though|once"
    r"|until|whether|lest|even\s+if|as\s+long\s+as|as\s+far\s+as|so\s+far\s+as|insofar\s+as"
    r"|so\s+that|in\s+case|how|why|what)\b",
    re.IGNORECASE,
)
_RELATIVE_START_RE = re.compile(r"^(?:who|whom|whose|which|that)\b", re.IGNORECASE)
_PREPOSITION_START_RE = re.compile(
    r"^(?:for|in|at|on|with|by|like|as|after|before|despite|under|according|of|from|to"
    r"|without|unlike|above|among|especially|particularly|not|too|however|though|after\s+all)\b",
    re.IGNORECASE,
)
_THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)
# A resolution's or motion's operative verb, opening its paragraph or a clause of it
OPERATIVE_RE = re.compile(
    r"^[\s\"“(]*(?:(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+)?(?:(?:also|further|strongly|firmly|again"
    r"|once\s+again|therefore|furthermore|moreover)\s+)?(?P<verb>(?i:acknowledges|affirms|agrees"
    r"|appeals|believes|calls|commends|condemns|considers|decides|declares|demands|deplores"
    r"|emphasi[sz]es|encourages|endorses|expresses|highlights|insists|instructs|invites|notes"
    r"|reaffirms|recalls|recogni[sz]es|recommends|regrets|reiterates|rejects|requests|resolves"
    r"|stresses|supports|underlines|urges|welcomes))\b",
    re.IGNORECASE,
)
_AUTHOR_MATRIX_RE = re.compile(
    r"(?:\b(?:we|i)\s+(?:\w+\s+){0,2}(?:believe|think|insist|argue|stress|maintain|repeat"
    r"|reiterate|hold|feel|are\s+convinced|contend|submit|emphasi[sz]e|say|suggest)"
    r"|\bit\s+(?:is|’s|'s)\s+(?:\w+\s+)?(?:clear|obvious|evident|plain|certain|time|high\s+time"
    r"|urgent|imperative|essential|vital|crucial|necessary|important)"
    r"|\b(?:this|that|which)\s+means|\bthe\s+(?:point|lesson|conclusion)\s+is)\s*$",
    re.IGNORECASE,
)


# Verbs (and copulas) that take a "that" clause: what follows is someone's
# report, belief or a description, not the paper's own demand.
_COMPLEMENT_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|means|meant|say|says|said|argue[sd]?|insist(?:s|ed)?"
    r"|claim(?:s|ed)?|thinks?|thought|believe[sd]?|feel(?:s)?|felt|fear(?:s|ed)?|hope[sd]?"
    r"|suggest(?:s|ed)?|recommend(?:s|ed)?|demand(?:s|ed)?|warn(?:s|ed)?|note[sd]?"
    r"|conclude[sd]?|agree[sd]?|add(?:s|ed)?|contend(?:s|ed)?|maintain(?:s|ed)?"
    r"|stress(?:es|ed)?|emphasi[sz]e[sd]?|urge[sd]?|knows?|knew|expect(?:s|ed)?"
    r"|predict(?:s|ed)?|acknowledge[sd]?|admit(?:s|ted)?|concede[sd]?|report(?:s|ed)?"
    r"|reveal(?:s|ed)?|assert(?:s|ed)?|declare[sd]?|announce[sd]?|state[sd]?"
    r"|explain(?:s|ed)?|out|understand(?:s)?|understood|reali[sz]e[sd]?|show(?:s|ed|n)?"
    r"|indicate[sd]?|estimate[sd]?|told\s+\w+|tells?\s+\w+)\s*$",
    re.IGNORECASE,
)


# What ends right before a word that is a noun, not a verb ("from states", "the means")
NOUN_BEFORE_RE = re.compile(
    r"\b(?:from|of|in|to|for|with|among|between|by|on|the|many|other|all|some|these|those"
    r"|several|most)\s+$",
    re.IGNORECASE,
)


# The matrix clause already has a finite verb: what "that" opens is subordinate.
_FINITE_MATRIX_RE = re.compile(
    r"\b(?:may|might|will|would|can|could|shall|is|are|was|were|has|have|had|do|does|did)\b",
    re.IGNORECASE,
)
# "X must VP and": the subject of the modal coordinated after it
_COORDINATED_RE = re.compile(
    r"^(?P<np>.+?)\s+(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s"
    r".*\s(?:and|or)$",
    re.IGNORECASE | re.DOTALL,
)


_FREE_RELATIVE_RE = re.compile(r"(?:^|[.;:]\s+|\band\s+)(?:whoever|whichever\s+\w+)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Subject:
    text: str
    ok: bool  # False: the trigger sits in a subordinate/reported clause


def subject_before(prefix: str) -> _Subject:
    """Find the subject of a verb group that starts right after ``prefix``."""
    stripped = prefix.rstrip()
    if not stripped:
        return _Subject("", False)  # inverted modal: "Should China refuse, ..."
    free = _FREE_RELATIVE_RE.search(stripped)
    if free and not re.search(r"[;:]", stripped[free.start() :]):
        # "Whoever sits in the Blue House, or in Yongsan as it is now, must say ...": the
        # free relative, commas and all, is the subject
        return _Subject(stripped[free.start() :].strip(" ,"), True)
    last_word = stripped.split()[-1].lower()
    if last_word in {"who", "which", "that", "whom"}:
        return _Subject("", False)  # "migrants who must be returned"
    pieces = re.split(r"[,;:–—()]|\s-\s", stripped)
    if not pieces[-1].strip() and len(pieces) > 1:
        # "China, which signed the convention, must ..." - skip the inserted clause
        candidates = [p.strip() for p in pieces[:-1] if p.strip()]
        chosen = ""
        for piece in reversed(candidates):
            if _RELATIVE_START_RE.match(piece) or _PREPOSITION_START_RE.match(piece):
                continue
            chosen = piece
            break
        piece = chosen or (candidates[0] if candidates else "")
    else:
        piece = pieces[-1].strip()
    piece = CONNECTIVES_RE.sub("", piece).strip()
    # A complement clause: "We believe that China must ..."
    that_matches = list(_THAT_RE.finditer(piece))
    if that_matches:
        m = that_matches[-1]
        matrix, rest = piece[: m.start()], piece[m.end() :].strip()
        if rest and (_AUTHOR_MATRIX_RE.search(matrix) or OPERATIVE_RE.fullmatch(matrix.strip())):
            piece = rest  # "We believe that X must", "9. Believes that X should"
        elif rest and _RELATIVE_START_RE.match(piece[m.start() :]) and not matrix.strip():
            return _Subject("", False)
        else:
            # "Policies that ... must end": a restrictive relative clause inside
            # the subject is fine; any other complement clause is not ours.
            # ("Member States that ...": a capitalised word is a name, not "states that")
            verb = _COMPLEMENT_VERB_RE.search(matrix)
            if verb and verb.group()[:1].isupper() and verb.start() > 0:
                verb = None
            if verb and len(matrix.split()) == 1:
                verb = None  # "states that resettle refugees should ...": a noun, no subject
            if verb and NOUN_BEFORE_RE.search(matrix[: verb.start()]):
                verb = None  # "Diplomats from states that ...": after a preposition, a noun
            if not re.search(r"\w\s*$", matrix) or verb:
                return _Subject(piece, False)
            if _FINITE_MATRIX_RE.search(matrix):
                return _Subject(piece, False)  # "... may set a precedent that others could"
    coordinated = _COORDINATED_RE.match(piece)
    if coordinated:
        piece = coordinated.group("np")  # "The report must name X and [must name Y]"
    if SUBORDINATOR_RE.search(piece):
        return _Subject(piece, False)
    piece = _TRAILING_ADVERBS_RE.sub("", piece).strip()
    return _Subject(piece.lstrip("\"“‘'([ "), True)  # '"It must ...': the quote mark is no subject
