"""Certainty: how a report presents a transfer (EXTRACTION.md section 4).

Only the words that govern the transfer count: its own auxiliaries and negation, and the verbs,
nouns and adverbs on the path from it to the sentence root ("no indications that ...",
"will likely continue to buy", "Tehran denied supplying ...").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from armswatch.extract.lexicons import load_lexicons
from armswatch.extract.mentions import weapon_matches

# What an official declines to do when he withholds rather than denies
_WITHHELD = {
    "name", "say", "comment", "disclose", "identify", "specify", "discuss", "elaborate",
    "reveal", "detail", "give", "provide", "confirm", "answer", "speculate",
}  # fmt: skip


# Verb tags of a clause with a tense of its own
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


@cache
def _words(role: str) -> frozenset[str]:
    """The words of one role in modality.tsv (hedges, denials, doubts)."""
    return frozenset(load_lexicons().modality.get(role, set()))


def _path_to_root(token: Token) -> list[Token]:
    path = [token]
    while token.head.i != token.i and len(path) < 20:
        token = token.head
        path.append(token)
    return path


def _governing_path(token: Token) -> list[Token]:
    """The path to the root, cut where a relative clause meets the weapon it describes, or
    where a clause of its own tense does: in "the S-300 system that Cyprus has contracted to
    buy will not be deployed" the negation is the system's, not the purchase's; in "they would
    replace a squadron of jets that Honduras bought from Israel" the purchase is told as fact."""
    path = [token]
    while token.head.i != token.i and len(path) < 20:
        if token.dep_ == "relcl" and token.head.pos_ in {"NOUN", "PROPN"}:
            head = token.head
            if weapon_matches(head.doc[head.left_edge.i : head.i + 1].text) or (
                # a relative clause, not the content of "the allegation that ..." (its "that"
                # is a mark, not a pronoun standing for the noun)
                _finite(token) and not any(child.dep_ == "mark" for child in token.children)
            ):
                break
        token = token.head
        path.append(token)
    return path


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own: "bought", "has sold", "will deliver"."""
    return verb.tag_ in FINITE_TAGS or any(
        child.dep_ in {"aux", "auxpass"} and child.tag_ in FINITE_TAGS for child in verb.children
    )


def _negated(token: Token) -> bool:
    """ "not", "never", "no indications": a negation on the token itself."""
    return any(
        child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no")
        for child in token.children
    )


def _doubts(token: Token) -> bool:
    """ "unclear", "not clear", "not known", "no one knows": the question stays open."""
    negated = _negated(token)
    # "it is not clear": the adjective hangs on the copula that carries the negation
    words = [token] + [child for child in token.children if child.dep_ in {"acomp", "attr"}]
    for word in words:
        lemma = word.lemma_.lower()
        if lemma in _words("doubt_word"):
            return True
        word_negated = negated or any(child.dep_ == "neg" for child in word.children)
        if word_negated and lemma in {"clear", "know", "certain", "sure", "confirm", "verify"}:
            return True
    return False


def _under_past_speech(token: Token) -> bool:
    return any(
        ancestor.tag_ == "VBD"
        and ancestor.lemma_.lower() in {"say", "tell", "announce", "state", "add", "confirm"}
        for ancestor in token.ancestors
    )


def _called_false(top: Token, sentence: Span) -> bool:
    """ "Reports that a Soviet ship has delivered MiGs ... are a deliberate fabrication", "...
    are not true": a report of the transfer named before it, and called false after it."""
    reports = _words("report_noun")
    falsity = _words("falsity")
    return any(t.lower_ in reports for t in sentence if t.i < top.i) and any(
        (
            t.lower_ in falsity
            # "are not true", "are not correct": a truth word negated
            or (
                t.lower_ in {"true", "correct", "accurate"}
                and any(c.dep_ == "neg" for c in [*t.children, *t.head.children])
            )
        )
        and t.dep_ in {"attr", "acomp", "amod", "oprd", "dobj", "conj"}
        for t in sentence
        if t.i > top.i
    )


def _plan_made_official(token: Token) -> bool:
    """ "notified Congress of plans to sell", "approved plans to buy": the plan is a decision."""
    if token.pos_ != "NOUN":
        return False
    verb = token.head.head if token.head.pos_ == "ADP" else token.head
    return verb.lemma_.lower() in {"notify", "approve", "announce", "unveil", "confirm", "clear"}


def certainty_of(chain: list[Token], sentence: Span, *, status: str) -> str:
    """confirmed is decided later, from who is speaking; this returns denied, unconfirmed,
    speculative or reported."""
    top = chain[-1]
    path = [*chain[:-1], *_governing_path(top)]
    condition_markers = _words("condition")
    speech_verbs = _words("speech")
    # "if the F-35s are not delivered": a condition outranks the negation inside it
    for position, token in enumerate(path):
        markers = [
            child.lower_
            for child in token.children
            if child.dep_ == "mark" and child.lower_ in condition_markers
        ]
        if markers:
            # "it is not clear whether Iran has supplied the drones": a doubt, not a condition
            if "whether" in markers and any(_doubts(above) for above in path[position + 1 :]):
                return "unconfirmed"
            return "speculative"
    if _called_false(top, sentence):
        return "denied"
    negated_chain = False
    for token in path:
        lemma = token.lemma_.lower()
        children = list(token.children)
        negated = _negated(token)
        if (
            lemma in _words("denial")
            and token.pos_ in {"VERB", "AUX"}
            # "declined to name the buyers", "refused to say how many": withheld, not denied
            and not any(
                child.dep_ == "xcomp" and child.lemma_.lower() in _WITHHELD for child in children
            )
        ):
            return "denied"
        if negated and lemma in {"allow", "permit", "let", "tolerate"} and token not in chain:
            return "speculative"  # "will not allow Iran to use the missiles": a warning, no denial
        # "Putin warns against supplying F-16s": a transfer argued against has not happened
        if lemma in _words("against") and any(
            child.dep_ == "prep" and child.lower_ == "against" for child in children
        ):
            return "speculative"
        if lemma in _words("negated_noun") and negated:
            return "unconfirmed"
        if lemma in _words("negated_verb") and negated:
            return "unconfirmed"
        if lemma in _words("doubt_word"):
            return "unconfirmed"
        if lemma == "clear" and negated:
            return "unconfirmed"
        # "isn't just getting" and "not only" do not deny; a negated verb above the transfer does
        # ("do not see room for sending"), unless it is a speech verb ("did not say whether")
        if (
            negated
            and (token in chain or (token.pos_ == "VERB" and lemma not in speech_verbs))
            and not any(
                child.lower_ in {"only", "just", "merely", "simply"} for child in token.children
            )
            and not (lemma == "rule" and any(child.lower_ == "out" for child in token.children))
            # "the orders will not be affected": a deal left untouched stands
            and not (lemma in _words("effect") and token not in chain)
        ):
            negated_chain = True
    lowered = sentence.text.lower()
    if any(phrase in lowered for phrase in _words("doubt_phrase")):
        return "unconfirmed"
    if negated_chain:
        return "denied"
    scope: list[Token] = []
    # "dropped its planned purchase", "a plan to sell ... collapsed": the plan called off is
    # hedged, the calling off is not
    called_off = status in {"cancelled", "suspended"}
    for token in path:
        if called_off and token.pos_ in {"NOUN", "PROPN"}:
            continue
        scope.append(token)
        if token.lemma_.lower() in speech_verbs:
            continue  # "I can announce that ...": the speaker's modal is not the transfer's
        scope.extend(
            child
            for child in token.children
            if child.dep_ in {"aux", "auxpass", "advmod", "mark", "amod", "acomp", "neg"}
        )
    for token in scope:
        lower = token.lower_
        lemma = token.lemma_.lower()
        if lower in _words("hedge_word"):
            return "speculative"
        if lower == "would" and not _under_past_speech(token):
            return "speculative"
        if (
            lemma in _words("hedge_lemma")
            and token.pos_ in {"VERB", "NOUN", "ADJ"}
            and token not in chain
            and not _plan_made_official(token)
        ):
            return "speculative"
        if lower in condition_markers and token.dep_ == "mark":
            return "speculative"
        if lower in {"possible", "potential"} and status not in {"agreed"}:
            return "speculative"
    if sentence.text.rstrip().rstrip("\"”’'").endswith("?"):
        return "speculative"
    return "reported"
