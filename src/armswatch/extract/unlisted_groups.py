"""Armed groups the lexicon does not list, recognised from how their names are built.

Reporting keeps naming groups nobody listed. In a party slot, a name whose words make it an armed
movement ("the Movement for the Liberation of Congo", "Union of Forces for Democracy and
Development"), an acronym the text defines for such a name ("... of Congo (MLC)"), or a plural
that describes a group by who its members are ("Iraqi Shiite militias") is a group, named as the
text names it. The words are data (`group_words.tsv`); a state's own army ("Sudanese Armed
Forces"), a party, a union or a council with no word of arms in its name stay what they are.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from armswatch.extract.lexicons import Lexicons
from armswatch.extract.mentions import TokenMentions, load_matchers
from armswatch.models import Party

# Possessors that belong to a name ("Lord's Resistance Army", "People's ..."), not to a leader
# who owns the group ("Jean-Pierre Bemba's Movement for ...")
NAME_POSSESSORS = {"people", "lord", "women", "workers", "god", "martyrs", "mothers", "nation"}
STATE_ROLES = {"name", "demonym", "capital", "seat"}
# roles of terms that make a name something else: an office holder, a state body, a company
OTHER_ROLES = {"leader", "body", "agency", "company"}
# "the Movement for the Liberation of Congo (MLC)": a capitalised name, then its acronym
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’.-]*|of|for|the|and|de|du|des|la|al)"
    r"(?:[ \t]+(?:[A-Z][\w'’.-]*|of|for|the|and|de|du|des|la|al)){1,12})"
    r"[ \t]+\(([A-Z][A-Za-z]{1,7}(?:-[A-Za-z]{1,6})?)\)"
)


def _words(lexicons: Lexicons, role: str) -> set[str]:
    return lexicons.group_words.get(role, set())


def is_group_name(name: str, lexicons: Lexicons, *, called_rebels: bool = False) -> bool:
    """Whether a capitalised name is built like an armed group's ("Rally for Congolese
    Democracy"), and not like a state's forces, a party, a company or an office. A name the
    text calls rebels ("rebels of the Sudanese Revolutionary Army") may start with a state's."""
    words = name.replace("-", " - ").split()
    connectors = _words(lexicons, "connector")
    content = [word for word in words if word.lower() not in connectors]
    if len(content) < 2 or not all(word[:1].isupper() for word in content):
        return False
    # the head is the last word before "of"/"for": "Union of Forces for Democracy"
    head_at = next(
        (index for index, word in enumerate(words) if word.lower() in {"of", "for"}), len(words)
    )
    head = words[head_at - 1].lower().strip("'’") if head_at > 0 else ""
    others = {word.lower().strip("'’") for index, word in enumerate(words) if index != head_at - 1}
    struggle = bool(others & _words(lexicons, "struggle"))
    cause = bool(others & _words(lexicons, "cause"))
    armed = bool(others & _words(lexicons, "armed"))
    armed_head = head in _words(lexicons, "head_armed")
    if armed_head:
        built = struggle or cause
    elif head in _words(lexicons, "head_movement"):
        built = struggle or cause or armed
    elif head in _words(lexicons, "head_body"):
        # arms after the head make a body armed ("Union of Forces for Democracy"); arms before it
        # name its trade or unit ("Fire Brigades Union", "Special Forces Group")
        tail = {word.lower() for word in words[head_at:]}
        built = struggle or bool(tail & _words(lexicons, "armed"))
    else:
        built = False
    if not built:
        return False
    if "armed forces" in name.lower() and not struggle:
        return False  # "the Supreme Council of the Armed Forces": a state's military
    head_start = len(" ".join(words[:head_at]))
    for match in load_matchers().parties.find(name):
        role = match.payload.role
        if role in OTHER_ROLES:
            return False
        # "Cuban Revolutionary Armed Forces" are Cuba's; "Sudan Liberation Army" is a rebel army
        # and "Ivorian Popular Movement" a movement
        if (
            role in STATE_ROLES
            and match.start < head_start
            and armed_head
            and not (struggle or called_rebels)
        ):
            return False
    return not (load_matchers().sources.find(name) or load_matchers().weapons.find(name))


def defined_groups(text: str, lexicons: Lexicons) -> dict[str, Party]:
    """Acronyms a document defines for armed groups' names: "MLC" -> Movement for the
    Liberation of Congo. The acronym's letters must be initials of the name, in order."""
    found: dict[str, Party] = {}
    for match in _DEFINED_ACRONYM.finditer(text):
        name, acronym = _trimmed_name(match.group(1), lexicons), match.group(2)
        if name and _initials_fit(acronym, name) and is_group_name(name, lexicons):
            found.setdefault(acronym, Party(name=name, code=None, kind="group"))
    return found


def _trimmed_name(name: str, lexicons: Lexicons) -> str:
    words = name.split()
    connectors = _words(lexicons, "connector")
    # a sentence's first word or a possessor before the name is not part of it
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.endswith(("'s", "’s")) and word[:-2].lower() not in NAME_POSSESSORS:
            words = words[index + 1 :]
            break
    while words and (words[0].lower() in connectors or words[0] in {"The", "A", "An"}):
        words = words[1:]
    while words and words[-1].lower() in connectors:
        words = words[:-1]
    return " ".join(words)


def _initials_fit(acronym: str, name: str) -> bool:
    # in any order: names are often translated ("Patriotic Movement of Ivory Coast (MPCI)")
    initials = [word[0].lower() for word in re.split(r"[\s-]+", name) if word]
    for letter in acronym.replace("-", "").lower():
        if letter not in initials:
            return False
        initials.remove(letter)
    return True


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and (token.is_alpha or "-" in token.text or "'" in token.text)


def named_group(
    head: Token, mentions: TokenMentions, lexicons: Lexicons, *, called_rebels: bool = False
) -> Party | None:
    """The armed group a capitalised noun phrase names, when its name is built like one."""
    if not _capitalised(head) or head.lower_ not in _head_words(lexicons):
        return None
    doc = head.doc
    connectors = _words(lexicons, "connector")
    sentence = head.sent

    def in_name(token: Token) -> bool:
        return _capitalised(token) or token.lower_ in connectors or token.text in {"'s", "'", "’s"}

    start = head.i
    while start - 1 >= max(head.left_edge.i, sentence.start) and in_name(doc[start - 1]):
        start -= 1
    end = head.i + 1
    while end <= min(head.right_edge.i, sentence.end - 1) and in_name(doc[end]):
        end += 1
    # the parser often hangs "for Democracy" on the verb: the name still runs on while "of" or
    # "for" leads to capitalised words ("the Union of Forces for Democracy")
    while (
        end + 1 < sentence.end
        and doc[end].lower_ in {"of", "for"}
        and (_capitalised(doc[end + 1]) or doc[end + 1].lower_ == "the")
    ):
        end += 1
        while end < sentence.end and in_name(doc[end]):
            end += 1
    # a possessor before the name is its owner ("Bemba's Movement for ..."), not part of it
    for index in range(head.i - 1, start - 1, -1):
        if doc[index].text in {"'s", "'", "’s"} and (
            index == 0 or doc[index - 1].lower_ not in NAME_POSSESSORS
        ):
            start = index + 1
            break
    while start < head.i and (doc[start].lower_ in connectors or doc[start].text in {"The", "A"}):
        start += 1
    while end - 1 > head.i and (doc[end - 1].lower_ in connectors or doc[end - 1].text == "'s"):
        end -= 1
    if any(
        index in mentions.weapon_at
        or index in mentions.source_at
        or (index in mentions.party_at and mentions.party_at[index].term.role in OTHER_ROLES)
        for index in range(start, end)
    ):
        return None
    name = doc[start:end].text
    if not is_group_name(name, lexicons, called_rebels=called_rebels):
        return None
    return Party(name=name, code=None, kind="group")


def _head_words(lexicons: Lexicons) -> set[str]:
    return (
        _words(lexicons, "head_armed")
        | _words(lexicons, "head_movement")
        | _words(lexicons, "head_body")
    )


def described_group(head: Token, mentions: TokenMentions, lexicons: Lexicons) -> Party | None:
    """A group described by who its members are: "Iraqi Shiite militias", "Chadian rebels"."""
    if head.lower_ not in _words(lexicons, "describes"):
        return None
    start = head.i
    doc = head.doc
    while start - 1 >= head.sent.start:
        token = doc[start - 1]
        if not (
            _capitalised(token)
            and token.dep_ in {"amod", "compound", "nmod"}
            and token.head.i in range(start, head.i + 1)
            and token.i not in mentions.weapon_at
            and token.i not in mentions.source_at
        ):
            break
        start -= 1
    if start == head.i:
        # "Syria's rebels": a state's possessive describes them as its demonym would
        for child in head.children:
            mention = mentions.party_at.get(child.i)
            if child.dep_ == "poss" and mention is not None and mention.term.role == "name":
                demonym = lexicons.demonym_of(mention.term.party.code)
                if demonym is not None:
                    return Party(name=f"{demonym} {head.text}", code=None, kind="group")
        return None
    # "pro-Russian separatists": the whole hyphenated word describes them
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].is_alpha
    ):
        start -= 2
    return Party(name=doc[start : head.i + 1].text, code=None, kind="group")
