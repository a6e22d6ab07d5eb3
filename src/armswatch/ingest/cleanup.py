"""Plain-text scrape cleanup: drop the page chrome that comes along when an article is copied or
scraped as text (navigation labels, teasers of other articles, reading times, share and cookie lines,
the author's bio, footers), keep every sentence of the article, and put its headline first.

The rules are general shapes of page furniture, never the strings of a particular page:
- anywhere: lines that are only a navigation or widget label, reading-time lines, share/follow/
  subscribe/cookie lines, copyright footers, photo credits, "Read more: ..." links;
- the header (before the first paragraph of prose): teaser lines of other articles
  ("Headline by Firstname Lastname"), menu and section labels, breadcrumbs; the headline is the last
  headline-like line there; byline and date lines become metadata;
- the trailer (after the last paragraph of prose): the author's bio, credits, tag lists, related links;
- a later line repeating the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from armswatch.ingest.dates import find_date

# Lines that are only one of these labels are page furniture wherever they stand.
NAVIGATION_LABELS: frozenset[str] = frozenset(
    {
        "currently reading",
        "now reading",
        "you are reading",
        "read previous",
        "read next",
        "previous",
        "next",
        "previous article",
        "next article",
        "previous story",
        "next story",
        "previous post",
        "next post",
        "up next",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "related content",
        "related news",
        "related topics",
        "more stories",
        "more news",
        "more like this",
        "more on this story",
        "most popular",
        "most read",
        "most viewed",
        "popular",
        "trending",
        "trending now",
        "top stories",
        "latest",
        "latest news",
        "latest stories",
        "editor's picks",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "also read",
        "read more",
        "read also",
        "see also",
        "continue reading",
        "keep reading",
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "promoted",
        "story continues below advertisement",
        "article continues below advertisement",
        "article continues below",
        "continue reading below",
        "skip to content",
        "skip to main content",
        "skip to navigation",
        "menu",
        "main menu",
        "close menu",
        "open menu",
        "search",
        "home",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share on x",
        "share on linkedin",
        "share via email",
        "copy link",
        "link copied",
        "email",
        "print",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "telegram",
        "reddit",
        "comments",
        "comment",
        "show comments",
        "view comments",
        "leave a comment",
        "add a comment",
        "back to top",
        "listen",
        "listen to this article",
        "save",
        "save article",
        "bookmark",
        "gift this article",
        "subscribe",
        "subscribe now",
        "sign in",
        "sign up",
        "log in",
        "login",
        "register",
        "newsletter",
        "newsletters",
        "topics",
        "tags",
        "filed under",
        "contents",
        "table of contents",
        "in this article",
    }
)
CURRENT_ARTICLE_LABELS: frozenset[str] = frozenset(
    {"currently reading", "now reading", "you are reading"}
)
# Labels that introduce a list of other articles: the headline-like lines after them are teasers.
TEASER_LIST_LABELS: frozenset[str] = frozenset(
    label
    for label in NAVIGATION_LABELS
    if label.startswith(
        ("read", "related", "more", "most", "trending", "top", "latest", "recommended")
    )
    or label
    in {"you may also like", "you might also like", "also read", "see also", "up next", "popular"}
)

_TERMINAL = r"[.!?…]['\"’”)\]]*"
_ENDS_SENTENCE = re.compile(_TERMINAL + r"\s*$")
_ENDS_STATEMENT = re.compile(r"[.!…]['\"’”)\]]*\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_READING_TIME = re.compile(
    r"^(?:(?:estimated\s+)?reading\s+time\s*:?\s*)?(?:about\s+)?\d+\s*(?:-\s*\d+\s*)?"
    r"(?:min(?:ute)?s?|mins?\.?)(?:\s+(?:read|reading|listen|watch))?(?:\s+time)?$"
    r"|^(?:estimated\s+)?reading\s+time\s*:?.{0,20}$"
    r"|^(?:less than|under)\s+(?:a|one|\d+)\s+min(?:ute)?s?\s+read$",
    re.IGNORECASE,
)
_SHARE_FOLLOW = re.compile(
    r"^(?:share(?:\s+(?:this|on|via|the\s+story|article|story)\b|\s*:)|follow\s+(?:us|me|@|him|her|on)\b"
    r"|subscribe\b|sign\s+up\b|join\s+(?:us|our)\b|download\s+(?:our|the)\s+app\b|get\s+the\s+app\b"
    r"|click\s+here\b|tap\s+here\b|(?:get|receive)\s+(?:our|the)\s+(?:latest\s+)?(?:news|newsletter|headlines)\b"
    r"|support\s+(?:our|independent)\s+journalism\b|already\s+a\s+subscriber\b|have\s+a\s+(?:news\s+)?tip\b)",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:use|accept|policy|consent|settings|preferences|agree)\b"
    r"|\b(?:use|accept|policy|consent|settings|preferences|agree)\b.*\bcookies?\b",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))|all\s+rights\s+reserved"
    r"|^the\s+views\s+expressed\b|^our\s+standards\s*:",
    re.IGNORECASE,
)
# Footer links, recognised only as short lines ("Privacy policy", "Contact us").
_FOOTER_LINK = re.compile(
    r"^(?:terms\s+(?:of\s+(?:use|service)|and\s+conditions)|privacy\s+(?:policy|notice|settings)"
    r"|contact\s+us|about\s+us|accessibility(?:\s+statement)?|cookie\s+(?:policy|settings)|site\s*map)\b",
    re.IGNORECASE,
)
# Wire credits ("Reporting by ...; Editing by ...") carry no final period; a sentence may start alike.
_CREDIT = re.compile(
    r"^(?:(?:additional\s+)?reporting|writing|editing|compiled|produced)\s+by\b", re.IGNORECASE
)
_CAPTION = re.compile(
    r"^(?:photo|image|picture|video|file\s+photo|illustration|credit|source)s?\s*(?::|by\b)"
    r"|^(?:(?:read|see|watch|listen)(?:\s+(?:more|also))?|related|more|also\s+read)\s*:",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^[^.!?]{1,80}(?:\s[|›»>/·•]\s[^.!?]{1,40})+$")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|van|von|de|del|da|al|bin|el|la|le|di|du)){1,4}"
_TEASER = re.compile(r"^(?P<headline>.{8,}?)\s+by\s+(?P<author>" + _NAME + r")\s*$")
_BYLINE = re.compile(
    r"^(?:by|written\s+by|words\s+by|author\s*:)\s+(?P<author>"
    + _NAME
    + r"(?:\s*(?:,|and|&)\s*"
    + _NAME
    + r")*)"
    r"(?:\s*[,|/-]\s*.{0,40})?$",
    re.IGNORECASE,
)
_DATE_WORDS = frozenset(
    (
        "published",
        "updated",
        "posted",
        "first",
        "last",
        "modified",
        "date",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "edt",
        "est",
        "cdt",
        "pdt",
        "pst",
        "et",
        "ist",
        "msk",
        "jst",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "h",
    )
)
_METADATA = re.compile(
    r"^(?P<key>published|date|updated|posted|source|outlet|publication|url|link|author|byline|title)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
# A bio's opening: "NAME is a Madrid-based journalist ..." or "NAME covers defence for ...".
_BIO_ROLES = (
    r"(?:writer|journalist|correspondent|reporter|editor|columnist|contributor|author|analyst|freelancer"
    r"|photographer|producer|fellow|researcher|blogger|commentator|novelist|historian|staff\s+writer)"
)
_BIO_OPENING = re.compile(
    r"^(?P<name>" + _NAME + r")(?:,\s[^.]{0,80},)?\s+(?:"
    r"(?:is|was)\s+(?:a|an|the|our)?\s*[^.]{0,120}?\b" + _BIO_ROLES + r"s?\b"
    r"|(?:covers|writes\s+(?:about|on|for)|reports\s+(?:on|for|from)|has\s+(?:written|reported|covered))\b)"
)
_PRONOUN_SENTENCE = re.compile(
    r"^(?:she|he|they)\s+(?:has|have|is|was|holds|lives|previously|also|writes|covers|reports|studied|worked)\b",
    re.IGNORECASE,
)


@dataclass
class ScrapedText:
    """An article recovered from scraped text: its clean text and what the page said about it."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def _label_key(line: str) -> str:
    """A line reduced to its words, lower case, for comparison with the label lists."""
    return " ".join(word.lower() for word in _WORD.findall(line.replace("’", "'")))


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def is_navigation_label(line: str) -> bool:
    key = _label_key(line)
    return bool(key) and key in NAVIGATION_LABELS and _words(line) <= 6


def is_chrome(line: str) -> bool:
    """Page furniture recognisable on its own, wherever it stands."""
    stripped = line.strip().strip("|•·>›»*-–— ")
    if not stripped:
        return False
    words = _words(stripped)
    if is_navigation_label(stripped) or _READING_TIME.match(stripped):
        return True
    if words <= 25 and (_SHARE_FOLLOW.match(stripped) or _FOOTER.search(stripped)):
        return True
    if words <= 6 and _FOOTER_LINK.match(stripped):
        return True
    if (
        words <= 40
        and _COOKIE.search(stripped)
        and not _ENDS_STATEMENT.search(stripped.rstrip('"”'))
    ):
        return True
    if (
        words <= 40
        and _COOKIE.search(stripped)
        and re.search(r"\b(?:we|our|this\s+(?:site|website))\b", stripped, re.IGNORECASE)
    ):
        return True
    if words <= 25 and _CAPTION.match(stripped):
        return True
    return bool(words <= 25 and _CREDIT.match(stripped) and not _ENDS_STATEMENT.search(stripped))


def is_prose(line: str, min_words: int = 6) -> bool:
    """A line of running text: enough words and a sentence's final punctuation."""
    stripped = line.strip()
    words = _words(stripped)
    if words < min_words:
        return False
    if _ENDS_STATEMENT.search(stripped):
        return True
    # A question long enough is prose; a short one is more likely a headline.
    return words >= 16 and bool(_ENDS_SENTENCE.search(stripped))


def is_headline_like(line: str) -> bool:
    """Short and without a statement's final period: a headline, label or teaser."""
    stripped = line.strip()
    return 0 < _words(stripped) <= 20 and not _ENDS_STATEMENT.search(stripped)


def _date_line(line: str) -> str | None:
    """The ISO date of a line that is only a date (with time, weekday, 'Published'/'Updated')."""
    stripped = line.strip()
    if _words(stripped) > 12:
        return None
    found = find_date(stripped)
    if not found:
        return None
    iso, match = found
    rest = stripped[: match.start()] + " " + stripped[match.end() :]
    leftover = [
        word
        for word in _WORD.findall(rest.lower())
        if not word.isdigit() and word not in _DATE_WORDS
    ]
    return iso if not leftover else None


def _byline(line: str) -> str | None:
    match = _BYLINE.match(line.strip())
    return match["author"].strip() if match else None


def _is_bio(paragraph: str, byline: str | None) -> bool:
    """An author's bio: opens with a name and a writer's role, or is about the byline's author."""
    text = paragraph.strip()
    match = _BIO_OPENING.match(text)
    if match:
        return True
    if byline:
        first_author = re.split(r"\s*(?:,|\band\b|&)\s*", byline)[0]
        if (
            first_author
            and text.startswith(first_author)
            and re.match(
                re.escape(first_author) + r"\s+(?:is|was|covers|writes|reports|has)\b", text
            )
        ):
            return True
    return False


def _paragraphs(lines: list[str]) -> list[list[int]]:
    """Indices of non-blank lines grouped into blank-line separated paragraphs."""
    groups: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if line.strip():
            current.append(index)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def parse_scraped_text(text: str) -> ScrapedText:
    """The article in scraped or pasted text, chrome removed, with the metadata its header gave."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    keep = [bool(line.strip()) for line in lines]
    result = ScrapedText(text="")

    # Chrome recognisable on its own goes wherever it stands.
    for index, line in enumerate(lines):
        if keep[index] and is_chrome(line):
            keep[index] = False

    body_start = next((i for i, line in enumerate(lines) if keep[i] and is_prose(line)), None)
    if body_start is None:
        # No running text: headline-only input; keep everything that is not chrome.
        cleaned = [line for i, line in enumerate(lines) if keep[i]]
        result.text = "\n".join(cleaned).strip()
        first = cleaned[0].strip() if cleaned else ""
        result.title = first if is_headline_like(first) else None
        return result

    title_index = _clean_header(lines, keep, body_start, result)
    _drop_teaser_lists(lines, keep, body_start)
    _clean_trailer(lines, keep, body_start, result)

    # A later line that repeats the headline (pages print it twice) is dropped.
    if result.title:
        title_key = _label_key(result.title)
        for index in range(title_index + 1 if title_index is not None else 0, len(lines)):
            if keep[index] and _label_key(lines[index]) == title_key:
                keep[index] = False

    out: list[str] = []
    if result.title and title_index is None:
        out.extend([result.title, ""])
    previous_blank = True
    for index, line in enumerate(lines):
        if keep[index]:
            out.append(line.strip() if index == title_index else line)
            previous_blank = False
            if index == title_index:
                out.append("")
                previous_blank = True
        elif not line.strip() and not previous_blank:
            out.append("")
            previous_blank = True
    result.text = "\n".join(out).strip()
    return result


def _clean_header(
    lines: list[str], keep: list[bool], body_start: int, result: ScrapedText
) -> int | None:
    """Drop the header's teasers, menus and labels; take its metadata; return the headline's index.

    Headline-like lines come in runs that chrome (labels, teasers, breadcrumbs) breaks apart. The
    last run above the body holds the headline: its first line of three words or more (menu items
    are shorter), or its last line when the run sits under a "Read Next"-style list label. Lines
    after the headline in its run are kept (a standfirst without a final period); runs above go.
    """
    header = [i for i in range(body_start) if lines[i].strip()]
    kinds: dict[int, str] = {}
    teasers: dict[int, tuple[str, str]] = {}
    current_article_headlines: list[str] = []
    listed: set[int] = set()
    previous = ""
    for index in header:
        line = lines[index].strip()
        metadata = _METADATA.match(line)
        if metadata:
            _take_metadata(metadata["key"].lower(), metadata["value"].strip(), result)
            keep[index] = False
            continue
        if not keep[index]:
            kinds[index] = "chrome"
            key = _label_key(line)
            previous = (
                "current"
                if key in CURRENT_ARTICLE_LABELS
                else "label"
                if is_navigation_label(line)
                else ""
            )
            continue
        if (iso := _date_line(line)) is not None:
            result.published = result.published or iso
            keep[index] = False
            continue
        if (author := _byline(line)) is not None:
            result.byline = result.byline or author
            keep[index] = False
            continue
        teaser = _TEASER.match(line)
        if teaser and is_headline_like(line):
            kinds[index] = "teaser"
            teasers[index] = (teaser["headline"].strip(), teaser["author"].strip())
            if previous:
                listed.add(index)
            if previous == "current":
                current_article_headlines.append(teaser["headline"].strip())
            previous = "teaser"
            continue
        previous = ""
        if _BREADCRUMB.match(line) and is_headline_like(line):
            kinds[index] = "chrome"
            keep[index] = False
        elif is_headline_like(line):
            kinds[index] = "candidate"
    # A "... by Two Words" line standing alone just above the body is the headline itself
    # ("Drones Supplied by Saudi Arabia"), not a teaser of another article.
    if kinds:
        last = max(kinds)
        if kinds[last] == "teaser" and last not in listed:
            kinds[last] = "candidate"
            del teasers[last]
    for index in teasers:
        keep[index] = False

    runs: list[tuple[list[int], bool]] = []
    run: list[int] = []
    under_list_label = False
    for index in sorted(kinds):
        if kinds[index] == "candidate":
            run.append(index)
            continue
        if run:
            runs.append((run, under_list_label))
            run = []
        under_list_label = _label_key(lines[index]) in TEASER_LIST_LABELS
    if run:
        runs.append((run, under_list_label))

    title_index: int | None = None
    if runs:
        run, under_list_label = runs[-1]
        long_enough = [i for i in run if _words(lines[i]) >= 3]
        if under_list_label:
            title_index = run[-1]
        elif long_enough:
            title_index = long_enough[0]
        elif not teasers:
            title_index = run[-1]
        for index in [i for r, _ in runs[:-1] for i in r] + [
            i for i in run if title_index is None or i < title_index
        ]:
            keep[index] = False
    if title_index is not None:
        result.title = lines[title_index].strip()
    elif current_article_headlines:
        # No headline of its own: the teaser under "Currently Reading" names the page's own article.
        result.title = result.title or current_article_headlines[0]
    # The teaser that repeats the headline names the article's own author.
    title_key = _label_key(result.title or "")
    for headline, author in teasers.values():
        if title_key and _label_key(headline) == title_key:
            result.byline = result.byline or author
    return title_index


def _take_metadata(key: str, value: str, result: ScrapedText) -> None:
    if key in {"published", "date", "posted"} or (key == "updated" and not result.published):
        from armswatch.ingest.dates import normalize_date

        result.published = normalize_date(value) or result.published
    elif key in {"source", "outlet", "publication"}:
        result.outlet = value
    elif key in {"url", "link"}:
        result.url = value
    elif key in {"author", "byline"}:
        result.byline = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)
    elif key == "title":
        result.title = value


def _clean_trailer(
    lines: list[str], keep: list[bool], body_start: int, result: ScrapedText
) -> None:
    """From the end back to the last article sentence: drop bios, credits, tag lists, related links.

    Works by paragraph (a bio wrapped over several lines) and, inside the last paragraph, by line
    (pasted text that separates paragraphs with single newlines)."""
    paragraphs = [[i for i in group if i >= body_start] for group in _paragraphs(lines)]
    # "She has written ..." lines wait to see whether a bio opens them.
    pending: list[int] = []

    def drop(indices: list[int]) -> None:
        for index in indices + pending:
            keep[index] = False
        pending.clear()

    for group in reversed(paragraphs):
        kept = [i for i in group if keep[i]]
        if not kept:
            continue
        paragraph = " ".join(lines[i].strip() for i in kept)
        if _is_bio(paragraph, result.byline):
            drop(kept)
            continue
        if _PRONOUN_SENTENCE.match(paragraph):
            pending.extend(kept)
            continue
        for index in reversed(kept):
            line = lines[index].strip()
            if not pending and is_headline_like(line) and not _ENDS_SENTENCE.search(line):
                # Tags, credits and links to other stories.
                keep[index] = False
            elif _PRONOUN_SENTENCE.match(line):
                pending.append(index)
            elif _is_bio(line, result.byline):
                drop([index])
            else:
                return


def _drop_teaser_lists(lines: list[str], keep: list[bool], body_start: int) -> None:
    """In the body, the headline-like lines under a "Related"/"Read more" label are teasers."""
    in_list = False
    for index in range(body_start, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        if _label_key(line) in TEASER_LIST_LABELS:
            in_list = True
            keep[index] = False
        elif in_list and keep[index] and is_headline_like(line):
            keep[index] = False
        else:
            in_list = False


def clean_scraped_text(text: str) -> str:
    """Scraped or pasted article text without page chrome, its headline (if any) as the first line."""
    return parse_scraped_text(text).text
