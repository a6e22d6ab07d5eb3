"""Scores extraction against a gold file: transfers found, their stage, certainty and quantity.

A gold file is JSON Lines, one document a line (see benchmarks/gold/README.md):
`{"id", "title", "text", "published", "form", "era", "transfers": [{"supplier", "recipient",
"category", "stage", "certainty", "quantity"?}]}`. Each gold document is run through the extractor,
its claims are fused into transfers, and the transfers are matched to the gold ones on
(supplier, recipient, category).
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from armswatch.errors import EvaluationError
from armswatch.ingest.documents import make_document
from armswatch.models import (
    ASSERTED,
    CATEGORIES,
    CERTAINTIES,
    STATUSES,
    Claim,
    Document,
    Party,
    Transfer,
    status_rank,
)

FORMS: tuple[str, ...] = ("newswire", "headline", "feature", "press_release", "statement")
ERAS: tuple[str, ...] = ("1980s", "1990s", "2000s", "2010s", "2020s")
UNKNOWN_PARTY = "UNK"

Extractor = Callable[[Document], list[Claim]]
Fuser = Callable[[list[Claim]], list[Transfer]]

# When several timeline entries share the scored stage, the strongest presentation wins.
_CERTAINTY_PREFERENCE: tuple[str, ...] = (
    "confirmed",
    "reported",
    "denied",
    "unconfirmed",
    "speculative",
)


# -- gold ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldTransfer:
    """One transfer a gold document reports, as a careful reader labelled it."""

    supplier: str
    recipient: str
    category: str
    stage: str
    certainty: str
    quantity: tuple[int | None, int | None] | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (party_key(self.supplier), party_key(self.recipient), self.category)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "supplier": self.supplier,
            "recipient": self.recipient,
            "category": self.category,
            "stage": self.stage,
            "certainty": self.certainty,
        }
        if self.quantity is not None:
            data["quantity"] = {"min": self.quantity[0], "max": self.quantity[1]}
        return data


@dataclass(frozen=True)
class GoldDocument:
    id: str
    title: str | None
    text: str
    published: str | None
    form: str
    era: str
    transfers: tuple[GoldTransfer, ...]
    location: str  # "file:line", for error messages and details

    @property
    def is_negative(self) -> bool:
        return not self.transfers


GROUPS_FILE = Path(__file__).parent / "extract" / "data" / "groups.tsv"


@functools.cache
def group_names() -> dict[str, str]:
    """Each group name and alias in the lexicon (casefolded) -> its canonical name (casefolded).

    Gold files name a group however the labeller wrote it ("Wagner", "Hizbollah"); comparing
    through the lexicon's aliases keeps a spelling difference from counting as a wrong party.
    """
    try:
        lines = GROUPS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    names: dict[str, str] = {}
    for line in lines[1:]:
        fields = line.split("\t")
        canonical = fields[0].strip().casefold()
        if not canonical:
            continue
        names[canonical] = canonical
        aliases = fields[1].split("|") if len(fields) > 1 else []
        for alias in (a.strip().casefold() for a in aliases):
            if alias:
                names.setdefault(alias, canonical)
    return names


def party_key(name: str | None) -> str:
    """How a party is compared: ISO3 codes as written; group names by the lexicon's canonical name,
    without case or a leading "the"."""
    if not name or not name.strip():
        return UNKNOWN_PARTY
    name = name.strip()
    if name.upper() == name and len(name) == 3:
        return name
    lowered = name.casefold()
    lowered = lowered[4:] if lowered.startswith("the ") else lowered
    return group_names().get(lowered, lowered)


def _fail(location: str, reason: str) -> EvaluationError:
    return EvaluationError(f"{location}: {reason}")


def _required_text(record: dict[str, Any], key: str, location: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(location, f'"{key}" must be a non-empty string')
    return value


def _choice(record: dict[str, Any], key: str, allowed: Sequence[str], location: str) -> str:
    value = record.get(key)
    if value not in allowed:
        raise _fail(location, f'"{key}" is {value!r}, expected one of {", ".join(allowed)}')
    return str(value)


def _parse_quantity(value: Any, location: str) -> tuple[int | None, int | None] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not {"min", "max"} <= value.keys():
        raise _fail(location, '"quantity" must be an object with "min" and "max"')
    low, high = value["min"], value["max"]
    for bound in (low, high):
        if bound is not None and (not isinstance(bound, int) or isinstance(bound, bool)):
            raise _fail(location, f"quantity bound {bound!r} is not a whole number or null")
    if low is None and high is None:
        raise _fail(location, '"quantity" needs at least one of "min" and "max"')
    if low is not None and high is not None and low > high:
        raise _fail(location, f'quantity "min" {low} is above "max" {high}')
    return (low, high)


def _parse_transfer(value: Any, location: str) -> GoldTransfer:
    if not isinstance(value, dict):
        raise _fail(location, "each transfer must be a JSON object")
    return GoldTransfer(
        supplier=_required_text(value, "supplier", location),
        recipient=_required_text(value, "recipient", location),
        category=_choice(value, "category", CATEGORIES, location),
        stage=_choice(value, "stage", STATUSES, location),
        certainty=_choice(value, "certainty", CERTAINTIES, location),
        quantity=_parse_quantity(value.get("quantity"), location),
    )


def parse_gold_line(line: str, location: str) -> GoldDocument:
    """One gold document from one line of JSON; EvaluationError names the location and the fault."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _fail(location, f"not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise _fail(location, "each line must be a JSON object")
    transfers = record.get("transfers")
    if not isinstance(transfers, list):
        raise _fail(location, '"transfers" must be a list (empty for a hard negative)')
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise _fail(location, '"published" must be an ISO date string or null')
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise _fail(location, '"title" must be a string or null')
    return GoldDocument(
        id=_required_text(record, "id", location),
        title=title,
        text=_required_text(record, "text", location),
        published=published,
        form=_choice(record, "form", FORMS, location),
        era=_choice(record, "era", ERAS, location),
        transfers=tuple(_parse_transfer(t, location) for t in transfers),
        location=location,
    )


def load_gold(paths: str | Path | Iterable[str | Path]) -> list[GoldDocument]:
    """Every gold document in the files, in order; ids must be unique across files."""
    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    documents: list[GoldDocument] = []
    seen: dict[str, str] = {}
    for path in map(Path, paths):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise EvaluationError(f"{path}: cannot read gold file ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise EvaluationError(f"{path}: gold file is not UTF-8") from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            document = parse_gold_line(line, f"{path}:{number}")
            if document.id in seen:
                raise _fail(
                    document.location, f'id "{document.id}" already used at {seen[document.id]}'
                )
            seen[document.id] = document.location
            documents.append(document)
    if not documents:
        raise EvaluationError(f"{', '.join(map(str, paths))}: no gold documents")
    return documents


# -- predictions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredictedTransfer:
    """A fused transfer reduced to what the gold labels: parties, category, stage, certainty, count."""

    supplier: str
    recipient: str
    category: str
    stage: str | None
    certainty: str | None
    quantity: tuple[int | None, int | None] | None
    evidence: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (party_key(self.supplier), party_key(self.recipient), self.category)

    def to_dict(self) -> dict[str, Any]:
        return {
            "supplier": self.supplier,
            "recipient": self.recipient,
            "category": self.category,
            "stage": self.stage,
            "certainty": self.certainty,
            "quantity": None
            if self.quantity is None
            else {"min": self.quantity[0], "max": self.quantity[1]},
            "evidence": list(self.evidence),
        }


def _party_label(party: Party | None) -> str:
    return party.key if party is not None else UNKNOWN_PARTY


def scored_stage(transfer: Transfer) -> str | None:
    """The stage scored: the asserted stage, else the furthest stage only claimed, hedged or denied."""
    if transfer.stage is not None:
        return transfer.stage
    candidates = list(transfer.unconfirmed_stages) or [entry.status for entry in transfer.timeline]
    return max(candidates, key=status_rank) if candidates else None


def scored_certainty(transfer: Transfer, stage: str | None) -> str | None:
    """The certainty of the timeline entry for the scored stage."""
    certainties = {entry.certainty for entry in transfer.timeline if entry.status == stage}
    if transfer.stage is not None and certainties & ASSERTED:
        certainties &= ASSERTED
    for certainty in _CERTAINTY_PREFERENCE:
        if certainty in certainties:
            return certainty
    return None


def predicted_transfer(transfer: Transfer, claims_by_id: dict[str, Claim]) -> PredictedTransfer:
    stage = scored_stage(transfer)
    evidence: list[str] = []
    for claim_id in transfer.claim_ids:
        claim = claims_by_id.get(claim_id)
        if claim is not None and claim.evidence.text not in evidence:
            evidence.append(claim.evidence.text)
    quantity = transfer.quantity
    return PredictedTransfer(
        supplier=_party_label(transfer.supplier),
        recipient=_party_label(transfer.recipient),
        category=transfer.category,
        stage=stage,
        certainty=scored_certainty(transfer, stage),
        quantity=None if quantity is None else (quantity.min, quantity.max),
        evidence=tuple(evidence),
    )


def quantities_overlap(
    gold: tuple[int | None, int | None], predicted: tuple[int | None, int | None] | None
) -> bool:
    """Whether two count ranges share a value; a missing bound is open."""
    if predicted is None or (predicted[0] is None and predicted[1] is None):
        return False
    gold_low = gold[0] if gold[0] is not None else 0
    pred_low = predicted[0] if predicted[0] is not None else 0
    gold_high = gold[1] if gold[1] is not None else float("inf")
    pred_high = predicted[1] if predicted[1] is not None else float("inf")
    return max(gold_low, pred_low) <= min(gold_high, pred_high)


# -- scores -------------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.correct += int(hit)

    def merge(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass
class DocumentResult:
    """How one gold document fared: matches, misses, extras, and any extraction failure."""

    document: GoldDocument
    predicted: list[PredictedTransfer]
    matches: list[tuple[GoldTransfer, PredictedTransfer]]
    misses: list[GoldTransfer]
    extras: list[PredictedTransfer]
    failure: str | None = None

    @property
    def transfer_counts(self) -> Counts:
        return Counts(tp=len(self.matches), fp=len(self.extras), fn=len(self.misses))

    @property
    def pair_counts(self) -> Counts:
        # Pairs are compared as sets: several categories between the same two parties are one pair.
        gold = {(party_key(t.supplier), party_key(t.recipient)) for t in self.document.transfers}
        predicted = {(party_key(t.supplier), party_key(t.recipient)) for t in self.predicted}
        return Counts(tp=len(gold & predicted), fp=len(predicted - gold), fn=len(gold - predicted))

    def stage_accuracy(self) -> Accuracy:
        accuracy = Accuracy()
        for gold, predicted in self.matches:
            accuracy.add(gold.stage == predicted.stage)
        return accuracy

    def certainty_accuracy(self) -> Accuracy:
        accuracy = Accuracy()
        for gold, predicted in self.matches:
            accuracy.add(gold.certainty == predicted.certainty)
        return accuracy

    def quantity_accuracy(self) -> Accuracy:
        accuracy = Accuracy()
        for gold, predicted in self.matches:
            if gold.quantity is not None:
                accuracy.add(quantities_overlap(gold.quantity, predicted.quantity))
        return accuracy

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.document.id,
            "location": self.document.location,
            "title": self.document.title,
            "form": self.document.form,
            "era": self.document.era,
            "failure": self.failure,
            "matches": [
                {"gold": gold.to_dict(), "predicted": predicted.to_dict()}
                for gold, predicted in self.matches
            ],
            "misses": [gold.to_dict() for gold in self.misses],
            "extras": [predicted.to_dict() for predicted in self.extras],
        }


@dataclass
class Scores:
    """Every figure for one slice of the gold set (all of it, one form, one era)."""

    documents: int = 0
    negatives: int = 0
    negatives_with_prediction: int = 0
    transfer: Counts = field(default_factory=Counts)
    pair: Counts = field(default_factory=Counts)
    stage: Accuracy = field(default_factory=Accuracy)
    certainty: Accuracy = field(default_factory=Accuracy)
    quantity: Accuracy = field(default_factory=Accuracy)

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        if result.document.is_negative:
            self.negatives += 1
            self.negatives_with_prediction += int(bool(result.predicted))
        self.transfer.add(result.transfer_counts)
        self.pair.add(result.pair_counts)
        self.stage.merge(result.stage_accuracy())
        self.certainty.merge(result.certainty_accuracy())
        self.quantity.merge(result.quantity_accuracy())

    @property
    def false_positive_rate(self) -> float | None:
        """Share of hard-negative documents with any predicted transfer."""
        return self.negatives_with_prediction / self.negatives if self.negatives else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "negatives": self.negatives,
            "transfer": self.transfer.to_dict(),
            "pair": self.pair.to_dict(),
            "stage": self.stage.to_dict(),
            "certainty": self.certainty.to_dict(),
            "quantity": self.quantity.to_dict(),
            "false_positive_rate": self.false_positive_rate,
            "negatives_with_prediction": self.negatives_with_prediction,
        }


@dataclass
class EvaluationResult:
    """The scores over the gold set, by form and by era, and each document's result."""

    gold_files: list[str]
    documents: list[DocumentResult]
    overall: Scores
    by_form: dict[str, Scores]
    by_era: dict[str, Scores]

    @property
    def failures(self) -> list[DocumentResult]:
        return [result for result in self.documents if result.failure is not None]

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "gold_files": self.gold_files,
            "overall": self.overall.to_dict(),
            "by_form": {form: scores.to_dict() for form, scores in self.by_form.items()},
            "by_era": {era: scores.to_dict() for era, scores in self.by_era.items()},
            "failures": [
                {"id": result.document.id, "reason": result.failure} for result in self.failures
            ],
        }
        if details:
            data["documents"] = [result.to_dict() for result in self.documents]
        return data

    def format_table(self) -> str:
        """The score table as plain text: overall, then one row per form and per era."""
        return format_scores(self)

    def format_details(self) -> str:
        """Each document's misses and extras, with the evidence sentences behind the extras."""
        return format_details(self)


def match_transfers(
    gold: Sequence[GoldTransfer], predicted: Sequence[PredictedTransfer]
) -> tuple[
    list[tuple[GoldTransfer, PredictedTransfer]], list[GoldTransfer], list[PredictedTransfer]
]:
    """Pairs gold and predicted transfers with equal (supplier, recipient, category).

    Returns (matches, misses, extras). Among predictions with the same key, the one agreeing on
    stage is taken first; an unmatched 'unspecified' prediction for a pair that also has a named
    category is absorbed rather than counted as an extra (see `is_absorbed`).
    """
    remaining = list(predicted)
    matches: list[tuple[GoldTransfer, PredictedTransfer]] = []
    misses: list[GoldTransfer] = []
    for gold_transfer in gold:
        candidates = [p for p in remaining if p.key == gold_transfer.key]
        if not candidates:
            misses.append(gold_transfer)
            continue
        best = next((p for p in candidates if p.stage == gold_transfer.stage), candidates[0])
        remaining.remove(best)
        matches.append((gold_transfer, best))
    return matches, misses, [p for p in remaining if not is_absorbed(p, predicted)]


def is_absorbed(transfer: PredictedTransfer, predicted: Sequence[PredictedTransfer]) -> bool:
    """Whether an 'unspecified' transfer only repeats a pair that has a named category.

    "The arms sale to Taiwan includes 60 Harpoon missiles": gold labels the missiles alone, so
    the generic "arms" between the same two parties is not scored as an extra transfer.
    """
    if transfer.category != "unspecified":
        return False
    pair = transfer.key[:2]
    return any(other.key[:2] == pair and other.category != "unspecified" for other in predicted)


def _default_extractor() -> Extractor:
    from armswatch.extract import extract_document

    return extract_document


def _default_fuser() -> Fuser:
    """fuse_claims with one transfer per key: a gold document labels one transfer per (supplier,
    recipient, category) at the furthest stage it reports, where the register would split deals
    years apart (a 1970s delivery told in the background of a 2021 order)."""
    from armswatch.fuse import fuse_claims

    return functools.partial(fuse_claims, split_deals=False)


def document_for(gold: GoldDocument) -> Document:
    """The Document the pipeline would build from the gold text and its metadata."""
    return make_document(gold.text, title=gold.title, published=gold.published, doc_ref=gold.id)


def evaluate_document(gold: GoldDocument, extractor: Extractor, fuser: Fuser) -> DocumentResult:
    document = document_for(gold)
    failure: str | None = None
    try:
        claims = extractor(document)
        transfers = fuser(claims) if claims else []
    except NotImplementedError:
        raise
    except Exception as exc:  # one failing document is scored as empty and reported, not fatal
        claims, transfers = [], []
        failure = f"{type(exc).__name__}: {exc}"
    claims_by_id = {claim.claim_id: claim for claim in claims}
    predicted = [predicted_transfer(transfer, claims_by_id) for transfer in transfers]
    matches, misses, extras = match_transfers(gold.transfers, predicted)
    return DocumentResult(gold, predicted, matches, misses, extras, failure)


def evaluate(
    gold_paths: str | Path | Iterable[str | Path],
    extractor: Extractor | None = None,
    fuser: Fuser | None = None,
) -> EvaluationResult:
    """Runs the extractor over every gold document, fuses its claims and scores the transfers.

    `extractor` defaults to `armswatch.extract.extract_document` and `fuser` to
    `armswatch.fuse.fuse_claims` with one transfer per key (`split_deals=False`); both can be
    replaced to score another system or to test.
    """
    paths = [gold_paths] if isinstance(gold_paths, str | Path) else list(gold_paths)
    gold_documents = load_gold(paths)
    extractor = extractor or _default_extractor()
    fuser = fuser or _default_fuser()
    overall = Scores()
    by_form: dict[str, Scores] = defaultdict(Scores)
    by_era: dict[str, Scores] = defaultdict(Scores)
    results: list[DocumentResult] = []
    for gold in gold_documents:
        result = evaluate_document(gold, extractor, fuser)
        results.append(result)
        overall.add(result)
        by_form[gold.form].add(result)
        by_era[gold.era].add(result)
    return EvaluationResult(
        gold_files=[str(path) for path in paths],
        documents=results,
        overall=overall,
        by_form={form: by_form[form] for form in FORMS if form in by_form},
        by_era={era: by_era[era] for era in ERAS if era in by_era},
    )


# -- reports ------------------------------------------------------------------------------------


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


_COLUMNS = ("docs", "neg", "P", "R", "F1", "pairF1", "stage", "cert", "qty", "FPrate")


def _row(label: str, scores: Scores) -> str:
    cells = [
        str(scores.documents),
        str(scores.negatives),
        _figure(scores.transfer.precision),
        _figure(scores.transfer.recall),
        _figure(scores.transfer.f1),
        _figure(scores.pair.f1),
        _figure(scores.stage.value),
        _figure(scores.certainty.value),
        _figure(scores.quantity.value),
        _figure(scores.false_positive_rate),
    ]
    return f"{label:<20}" + "".join(f"{cell:>8}" for cell in cells)


def format_scores(result: EvaluationResult) -> str:
    overall = result.overall
    lines = [
        f"{'':<20}" + "".join(f"{column:>8}" for column in _COLUMNS),
        _row("all", overall),
    ]
    lines += [_row(f"form:{form}", scores) for form, scores in result.by_form.items()]
    lines += [_row(f"era:{era}", scores) for era, scores in result.by_era.items()]
    lines.append("")
    lines.append(
        f"transfers: {overall.transfer.tp} matched, {overall.transfer.fp} extra, "
        f"{overall.transfer.fn} missed; stage {overall.stage.correct}/{overall.stage.total}, "
        f"certainty {overall.certainty.correct}/{overall.certainty.total}, "
        f"quantity {overall.quantity.correct}/{overall.quantity.total}; "
        f"negatives with a prediction {overall.negatives_with_prediction}/{overall.negatives}"
    )
    if result.failures:
        lines.append(f"extraction failed on {len(result.failures)} document(s); see --details")
    return "\n".join(lines)


def _describe(transfer: GoldTransfer | PredictedTransfer) -> str:
    text = f"{transfer.supplier} -> {transfer.recipient} {transfer.category} [{transfer.stage}/{transfer.certainty}]"
    if transfer.quantity is not None:
        low, high = transfer.quantity
        text += f" qty {low if low is not None else ''}..{high if high is not None else ''}"
    return text


def format_details(result: EvaluationResult) -> str:
    """Documents with anything wrong: misses, extras (with evidence), and wrong stage/certainty/count."""
    blocks: list[str] = []
    for doc_result in result.documents:
        lines: list[str] = []
        if doc_result.failure:
            lines.append(f"  FAILED   {doc_result.failure}")
        for gold in doc_result.misses:
            lines.append(f"  MISS     {_describe(gold)}")
        for predicted in doc_result.extras:
            lines.append(f"  EXTRA    {_describe(predicted)}")
            lines += [f"           > {sentence}" for sentence in predicted.evidence]
        for gold, predicted in doc_result.matches:
            wrong = []
            if gold.stage != predicted.stage:
                wrong.append("stage")
            if gold.certainty != predicted.certainty:
                wrong.append("certainty")
            if gold.quantity is not None and not quantities_overlap(
                gold.quantity, predicted.quantity
            ):
                wrong.append("quantity")
            if wrong:
                lines.append(f"  WRONG    {', '.join(wrong)}: gold {_describe(gold)}")
                lines.append(f"           predicted {_describe(predicted)}")
                lines += [f"           > {sentence}" for sentence in predicted.evidence]
        if lines:
            document = doc_result.document
            header = f"{document.id} ({document.form}, {document.era}) {document.location}"
            if document.title:
                header += f"\n  title: {document.title}"
            blocks.append("\n".join([header, *lines]))
    return "\n\n".join(blocks) if blocks else "every document matched its gold labels"
