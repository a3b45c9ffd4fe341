"""Find the calls to action in a campaign text.

A *call to action* is a sentence in which the document's own voice demands,
urges or recommends that some actor do, or stop doing, something. For each one
:func:`extract_calls` returns a :class:`Call` with

* the exact sentence and its character offsets in the text given,
* the addressee: who is asked to act (``ADDRESSEES``),
* an *ask*: a short imperative clause that can be quoted in a letter to that
  addressee ("Stop repatriating North Korean defectors"),
* a score between 0 and 1 (how sure the rule that fired is).

The package is pure Python (standard library only) and rule based, with a
learned second reader (:mod:`.learned`) that offers what the rules pass over
and withholds approval where it disputes their addressee. The rules
are general statements about English prose and about the kinds of text a
campaign imports (editorials, op-eds, press releases, appeals, UN and
government statements, petitions and open letters, news stories, speeches,
blog posts), not about particular texts; each module holds one part of them,
with examples:

* :mod:`.sentences`: the document's sentences and its boilerplate lines;
* :mod:`.layout`: where a sentence stands on the page (navigation, footers,
  cut-off fragments, lists and their introducers, letters, the country the
  text comes from), and :mod:`.turns`: whom a speaker, a greeting or a post
  turns to;
* :mod:`.actors`: which addressee class a noun phrase names, and
  :mod:`.agents`: who a subject no lexicon knows is, from the shape of its
  noun phrase (its head, a name, an agent noun);
* :mod:`.quotes`, :mod:`.voice` and :mod:`.people`: who is quoted, who speaks
  for the document (and which people speak for it), and whose demand a clause
  is;
* :mod:`.clauses`: the subject of a demand and whether it is in a main clause;
* :mod:`.triggers`, :mod:`.demands`, :mod:`.imperatives`: the word patterns
  that make a sentence a demand (modals, demand verbs, imperatives);
* :mod:`.addressees`: who a demand is for, :mod:`.orders`: who an imperative
  is said to, :mod:`.offices`: whose a bare office is ("the Government", "the
  ministry"), and :mod:`.doers`: who the text shows doing what a demand with
  no agent is about;
* :mod:`.phrasing`: the ask quoted in letters;
* :mod:`.confidence`: what a call rests on besides its words (its doubts),
  which keeps it below the approval score;
* :mod:`.calls`: putting them together, and the score;
* :mod:`.learned`: the second reader, two linear models whose weights
  (``model.json``) ``manage.py train_extraction_model`` fits on the labelled
  texts.

Duplicated text: every occurrence of a sentence is reported, each with its own
offsets. A page captured twice therefore yields each call twice; callers that
want one entry per distinct sentence should de-duplicate on ``Call.sentence``.
"""

from articles.extraction.calls import ADDRESSEES, Call, extract_calls
from articles.sentences import Sentence, split_sentences

__all__ = ["ADDRESSEES", "Call", "Sentence", "extract_calls", "split_sentences"]
