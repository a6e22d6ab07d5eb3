"""Register commands: ingest, transfers, show, claims, documents, failures, export, SIPRI, db."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from armswatch.cli.app import main
from armswatch.cli.output import Column, effective_limit, emit, output_options
from armswatch.errors import Error
from armswatch.models import CATEGORIES, CERTAINTIES, STATUSES, Claim, Document, Failure, Transfer

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db",
    "db",
    envvar="ARMSWATCH_DB",
    default=None,
    metavar="PATH|URL",
    help="SQLite file or postgresql:// URL (default: $ARMSWATCH_DB, else armswatch.db).",
)


@contextmanager
def open_store(db: str | None) -> Iterator[Any]:
    """The store, with armswatch errors turned into one clear line for the user."""
    from armswatch.store import Store

    try:
        with Store(db) as store:
            yield store
    except Error as exc:
        raise click.ClickException(str(exc)) from exc


def transfer_filters(command: F) -> F:
    """The transfer filters shared by `transfers` and `export`."""
    options = [
        click.option("--supplier", help="Supplier: ISO3 code, country or group name."),
        click.option("--recipient", help="Recipient: ISO3 code, country or group name."),
        click.option("--category", type=click.Choice(CATEGORIES), help="Weapon category."),
        click.option("--stage", type=click.Choice(STATUSES), help="Stage reached (asserted)."),
        click.option(
            "--min-origins",
            type=click.IntRange(min=1),
            help="At least this many independent origins.",
        ),
        click.option("--since", metavar="DATE", help="Last reported on or after DATE."),
        click.option("--until", metavar="DATE", help="First reported on or before DATE."),
        click.option("--text", help="Words in names, designations, item labels or origins."),
        click.option(
            "--new", "new_only", is_flag=True, help="Only transfers SIPRI does not record."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(kwargs: dict[str, Any]) -> dict[str, Any]:
    names = (
        "supplier",
        "recipient",
        "category",
        "stage",
        "min_origins",
        "since",
        "until",
        "text",
        "new_only",
    )
    return {name: kwargs.get(name) for name in names}


# -- ingest ---------------------------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, help="Extraction processes.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    help="Run extraction locally or on a Dask cluster.",
)
@click.option("--scheduler", metavar="ADDR", help="Dask scheduler address (tcp://host:8786).")
def ingest(
    inputs: tuple[str, ...], db: str | None, workers: int, engine: str, scheduler: str | None
) -> None:
    """Read articles, extract claims, store them and fuse transfers.

    INPUT is a file, a directory, a JSONL file, a URL, a feed or '-' for stdin. Inputs that cannot
    be read are named on stderr and recorded (`armswatch failures`); the rest are stored, and the
    exit code is 1 when any input failed.

    Example:

        armswatch ingest examples/ --db armswatch.db
    """
    from armswatch.pipeline import ingest as run_ingest

    with open_store(db) as store:
        try:
            report = run_ingest(
                list(inputs), store, workers=workers, engine=engine, scheduler=scheduler
            )
        except Error as exc:
            raise click.ClickException(str(exc)) from exc
        transfers = store.count_transfers()
        where = store.display_url
    for failure in report.failures:
        click.echo(f"failed: {failure.input}: {failure.reason}", err=True)
    click.echo(
        f"{report.documents} documents read ({report.new_documents} new), {report.claims} claims "
        f"stored, {transfers} transfers in {where}; {len(report.failures)} inputs failed "
        f"({report.seconds:.1f}s)"
    )
    if report.failures:
        sys.exit(1)


# -- transfers and show ---------------------------------------------------------------------------


def parties_text(supplier: Any, recipient: Any) -> str:
    def short(party: Any) -> str:
        return "?" if party is None else party.code or party.name

    return f"{short(supplier)} -> {short(recipient)}"


def stage_text(transfer: Transfer) -> str:
    stage = transfer.stage or "-"
    if transfer.unconfirmed_stages:
        return stage + " " + " ".join(f"?{s}" for s in transfer.unconfirmed_stages)
    return stage


def quantity_text(transfer: Transfer) -> str:
    quantity = transfer.quantity
    if quantity is None or quantity.min is None and quantity.max is None:
        return ""
    if quantity.max is None:
        return f"{quantity.min:,}+"
    if quantity.min == quantity.max:
        return f"{'~' if quantity.approx else ''}{quantity.min:,}"
    return f"{quantity.min:,}-{quantity.max:,}"


def items_text(transfer: Transfer) -> str:
    parts = [", ".join(transfer.designations), quantity_text(transfer)]
    return " ".join(part for part in parts if part)


TRANSFER_COLUMNS = (
    # An 8-character prefix: `show` accepts any unambiguous prefix.
    Column("ID", lambda t: t.transfer_id[:8], 8),
    Column("SUPPLIER->RECIP.", lambda t: parties_text(t.supplier, t.recipient), 16),
    Column("CATEGORY", lambda t: t.category, 11),
    Column("STAGE (?unconfirmed)", stage_text, 24),
    Column("ORIG", lambda t: t.independent_origins.get("count", 0), 4, align_right=True),
    Column("DOCS", lambda t: t.documents, 4, align_right=True),
    Column("FIRST", lambda t: (t.first_reported or "")[:7], 7),
    Column("LAST", lambda t: (t.last_reported or "")[:7], 7),
    Column("ITEMS", items_text),
)


@main.command()
@transfer_filters
@db_option
@output_options
def transfers(db: str | None, output_format: str, limit: int | None, **kwargs: Any) -> None:
    """List transfers: claims fused by supplier, recipient and category.

    STAGE is the furthest status asserted (confirmed or reported); stages after '?' are only
    claimed hedged, unconfirmed or denied. ORIG counts independent origins, DOCS documents
    (syndicated copies once). FIRST/LAST are months first and last reported.

    Example:

        armswatch transfers --recipient RUS --min-origins 1 --json
    """
    from armswatch.export import TRANSFER_COLUMNS as CSV_COLUMNS
    from armswatch.export import transfer_record

    with open_store(db) as store:
        emit(
            store.iter_transfers(**_filters(kwargs), limit=effective_limit(output_format, limit)),
            output_format,
            columns=TRANSFER_COLUMNS,
            to_json=lambda t: t.to_dict(),
            to_row=transfer_record,
            csv_header=CSV_COLUMNS,
            empty_message="no transfers match",
        )


def _speaker_text(claim: Claim) -> str:
    people = []
    for speaker in claim.attribution:
        parts = [speaker.speaker, speaker.title, speaker.org]
        people.append(", ".join(p for p in parts if p))
    text = "; ".join(p for p in people if p)
    cites = "; ".join(", ".join(p for p in (c.speaker, c.title, c.org) if p) for c in claim.cites)
    if cites:
        text = f"{text} citing {cites}" if text else f"citing {cites}"
    return text


@main.command()
@click.argument("transfer_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The transfer and its claims as JSON.")
def show(transfer_id: str, db: str | None, as_json: bool) -> None:
    """Show one transfer: its timeline with the evidence, speakers, origins and contradictions.

    TRANSFER_ID may be shortened to any unambiguous prefix.

    Example:

        armswatch show 3f9a1c2b
    """
    import json

    with open_store(db) as store:
        transfer = store.transfer(transfer_id)
        if transfer is None:
            raise click.ClickException(
                f"{transfer_id}: no such transfer (or the prefix is ambiguous); "
                "see `armswatch transfers`"
            )
        claims = {c.claim_id: c for c in store.iter_claims(claim_ids=transfer.claim_ids)}
        documents = {
            d.doc_id: d
            for d in store.iter_documents(
                doc_ids=sorted({c.doc_id for c in claims.values()}), with_text=False
            )
        }
        sipri = store.sipri_deals_for(transfer.transfer_id)
    if as_json:
        data = transfer.to_dict()
        data["claims"] = [claims[c].to_dict() for c in transfer.claim_ids if c in claims]
        data["sipri_deals"] = sipri
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    echo = click.echo
    echo(
        f"{parties_text(transfer.supplier, transfer.recipient)}  {transfer.category}  "
        f"(transfer {transfer.transfer_id})"
    )
    supplier = transfer.supplier.name if transfer.supplier else "unknown"
    recipient = transfer.recipient.name if transfer.recipient else "unknown"
    echo(f"  {supplier} supplies {recipient}")
    echo(f"  stage:        {transfer.stage or 'none asserted'}")
    if transfer.unconfirmed_stages:
        echo(f"  unconfirmed:  {', '.join(transfer.unconfirmed_stages)}")
    if transfer.designations:
        echo(f"  designations: {', '.join(transfer.designations)}")
    if transfer.quantity:
        echo(f"  quantity:     {quantity_text(transfer)} ({transfer.quantity.text or ''})")
    echo(f"  deal:         {transfer.deal}")
    origins = transfer.independent_origins
    echo(f"  origins:      {origins.get('count', 0)} independent ({'; '.join(origins['names'])})")
    echo(f"  documents:    {transfer.documents}")
    echo(f"  reported:     {transfer.first_reported or '?'} .. {transfer.last_reported or '?'}")
    echo(f"  confidence:   {transfer.confidence:.2f}")
    if sipri:
        for deal in sipri:
            echo(
                f"  SIPRI:        {deal.get('Weapon designation') or ''} "
                f"{deal.get('Weapon description') or ''}, ordered {deal.get('Year of order')}"
            )
    echo("")
    echo("Timeline")
    for entry in transfer.timeline:
        echo(f"  {entry.first_seen or 'undated':10}  {entry.status} ({entry.certainty})")
        for claim_id in entry.claim_ids:
            claim = claims.get(claim_id)
            if claim is None:
                continue
            document = documents.get(claim.doc_id)
            echo(f'      "{" ".join(claim.evidence.text.split())}"')
            details = []
            speaker = _speaker_text(claim)
            if speaker:
                details.append(speaker)
            if claim.origin:
                details.append(f"origin: {claim.origin.name}")
            if document is not None:
                source = document.outlet or document.url or document.doc_ref or document.doc_id
                if document.duplicate_of:
                    source += f" (copy of {document.duplicate_of})"
                if not claim.origin or source != claim.origin.name:
                    details.append(source)
            if details:
                echo(f"        - {' | '.join(details)}")
    if transfer.contradictions:
        echo("")
        echo("Contradictions")
        for contradiction in transfer.contradictions:
            echo(
                f"  {contradiction['status']} asserted by {', '.join(contradiction['asserted'])}; "
                f"{contradiction['disputed_by']} ({contradiction['disputed_status']}) by "
                f"{', '.join(contradiction['disputing'])}"
            )


# -- claims, documents, failures ------------------------------------------------------------------

CLAIM_COLUMNS = (
    Column("CLAIM", lambda c: c.claim_id, 18),
    Column("SUPPLIER->RECIP.", lambda c: parties_text(c.supplier, c.recipient), 14),
    Column("CATEGORY", lambda c: ",".join(c.categories), 11),
    Column("STATUS", lambda c: c.status, 11),
    Column("CERTAINTY", lambda c: c.certainty, 11),
    Column("REPORTED", lambda c: c.reported_date or "", 10),
    Column("EVIDENCE", lambda c: c.evidence.text),
)


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "claim_id": claim.claim_id,
        "doc_id": claim.doc_id,
        "supplier": claim.supplier.key if claim.supplier else "",
        "recipient": claim.recipient.key if claim.recipient else "",
        "categories": ";".join(claim.categories),
        "designations": ";".join(i.designation for i in claim.items if i.designation),
        "status": claim.status,
        "certainty": claim.certainty,
        "deal": claim.deal,
        "reported_date": claim.reported_date or "",
        "origin": claim.origin.name if claim.origin else "",
        "speakers": _speaker_text(claim),
        "evidence": " ".join(claim.evidence.text.split()),
        "confidence": claim.confidence,
    }


@main.command()
@click.option("--supplier", help="Supplier: ISO3 code, country or group name.")
@click.option("--recipient", help="Recipient: ISO3 code, country or group name.")
@click.option("--category", type=click.Choice(CATEGORIES), help="Weapon category.")
@click.option("--status", type=click.Choice(STATUSES), help="Status claimed.")
@click.option("--certainty", type=click.Choice(CERTAINTIES), help="Certainty of the claim.")
@click.option("--doc", "doc_id", help="Only claims from this document id.")
@db_option
@output_options
def claims(db: str | None, output_format: str, limit: int | None, **filters: Any) -> None:
    """List stored claims, each one assertion in one document, with its evidence sentence.

    Example:

        armswatch claims --supplier PRK --certainty unconfirmed
    """
    with open_store(db) as store:
        emit(
            store.iter_claims(**filters, limit=effective_limit(output_format, limit)),
            output_format,
            columns=CLAIM_COLUMNS,
            to_json=lambda c: c.to_dict(),
            to_row=claim_record,
            empty_message="no claims match",
        )


DOCUMENT_COLUMNS = (
    Column("DOC_ID", lambda d: d.doc_id, 16),
    Column("PUBLISHED", lambda d: d.published or "", 10),
    Column("OUTLET", lambda d: d.outlet or "", 18),
    Column("COPY OF", lambda d: d.duplicate_of or "", 16),
    Column("TITLE", lambda d: d.title or d.url or d.doc_ref or ""),
)


def document_record(document: Document) -> dict[str, Any]:
    data = document.to_dict()
    data.pop("text", None)
    return data


@main.command()
@click.option("--outlet", help="Only documents from this outlet.")
@click.option("--since", metavar="DATE", help="Published on or after DATE.")
@click.option("--until", metavar="DATE", help="Published on or before DATE.")
@db_option
@output_options
def documents(db: str | None, output_format: str, limit: int | None, **filters: Any) -> None:
    """List stored documents; COPY OF names the earlier document a syndicated copy repeats.

    --json includes each document's text.

    Example:

        armswatch documents --since 2022-01-01 --csv
    """
    with open_store(db) as store:
        emit(
            store.iter_documents(
                **filters,
                with_text=output_format == "json",
                limit=effective_limit(output_format, limit),
            ),
            output_format,
            columns=DOCUMENT_COLUMNS,
            to_json=lambda d: d.to_dict(),
            to_row=document_record,
            empty_message="no documents match",
        )


@main.command()
@db_option
@output_options
def failures(db: str | None, output_format: str, limit: int | None) -> None:
    """List inputs that could not be read or processed, and why.

    Example:

        armswatch failures --csv
    """
    failure_columns = (
        Column("INPUT", lambda f: f.input, 40),
        Column("STAGE", lambda f: f.stage, 8),
        Column("REASON", lambda f: f.reason),
    )

    def failure_record(failure: Failure) -> dict[str, Any]:
        return {"input": failure.input, "stage": failure.stage, "reason": failure.reason}

    with open_store(db) as store:
        emit(
            store.failures(limit=effective_limit(output_format, limit)),
            output_format,
            columns=failure_columns,
            to_json=failure_record,
            to_row=failure_record,
            empty_message="no failures recorded",
        )


# -- export and SIPRI -----------------------------------------------------------------------------


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "sipri", "cameo", "plover", "graphml"]),
    default="json",
    show_default=True,
    help="json, csv, a SIPRI trade register, CAMEO/GDELT events, PLOVER JSON lines or GraphML.",
)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), help="File to write.")
@transfer_filters
@db_option
def export(fmt: str, output: str | None, db: str | None, **kwargs: Any) -> None:
    """Export transfers in an interchange format (to stdout unless -o FILE).

    Example:

        armswatch export --format sipri -o register.csv
    """
    from armswatch.export import export as write_export

    with open_store(db) as store:
        try:
            if output:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    count = write_export(store, fmt, out, **_filters(kwargs))
            else:
                count = write_export(store, fmt, sys.stdout, **_filters(kwargs))
        except OSError as exc:
            raise click.ClickException(f"{output}: {exc.strerror or exc}") from exc
    click.echo(f"wrote {count} {fmt} rows{f' to {output}' if output else ''}", err=True)


@main.command("import-sipri")
@click.argument("register_csv", type=click.Path(dir_okay=False))
@db_option
def import_sipri(register_csv: str, db: str | None) -> None:
    """Import a SIPRI trade-register CSV and link transfers to the deals SIPRI records.

    Afterwards `armswatch transfers --new` lists what SIPRI does not have. Importing again
    replaces the previous SIPRI deals.

    Example:

        armswatch import-sipri trade-register.csv && armswatch transfers --new
    """
    from armswatch.sipri import read_register

    try:
        deals = read_register(register_csv)
    except Error as exc:
        raise click.ClickException(str(exc)) from exc
    with open_store(db) as store:
        count, linked = store.import_sipri(deals)
        total = store.count_transfers()
    click.echo(
        f"imported {count} SIPRI deals; {linked} of {total} transfers match one; "
        f"{total - linked} are not in SIPRI (armswatch transfers --new)"
    )


@main.group("db")
def db_group() -> None:
    """Database maintenance.

    Example:

        armswatch db upgrade --db armswatch.db
    """


@db_group.command("upgrade")
@db_option
def db_upgrade(db: str | None) -> None:
    """Upgrade the database schema to this version of armswatch.

    Example:

        armswatch db upgrade --db postgresql://localhost/armswatch
    """
    from sqlalchemy import make_url

    from armswatch.store import resolve_url, upgrade_database

    try:
        before, after = upgrade_database(db)
    except Error as exc:
        raise click.ClickException(str(exc)) from exc
    where = make_url(resolve_url(db)).render_as_string(hide_password=True)
    if before == after:
        click.echo(f"{where}: schema already at {after}")
    else:
        click.echo(f"{where}: schema upgraded from {before or 'empty'} to {after}")
