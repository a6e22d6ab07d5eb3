"""The register commands as a user runs them: listings, show, exports, SIPRI import, ingest."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from armswatch.cli import main
from armswatch.models import Failure, Origin, Quantity, Speaker
from armswatch.store import Store
from fixtures.register.builders import claim, document

REGISTER = Path(__file__).parent / "fixtures" / "register" / "sipri_trade_register.csv"
SPOKESMAN = Speaker(
    speaker="Vedant Patel",
    title="deputy spokesperson",
    org="U.S. State Department",
    country="USA",
    kind="government",
)


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "register.db")
    briefing = document(
        "Russia is in the process of buying millions of artillery shells from North Korea, the "
        "State Department said. The White House said there were no indications the purchase "
        "had been completed.",
        outlet="Wire Service",
        title="Russia buying North Korean shells",
    )
    drones = document(
        "Russia received Shahed-136 drones from Iran last week; Tehran denied sending any.",
        outlet="Morning Paper",
        published="2022-08-30",
    )
    with Store(path) as store:
        store.add(
            briefing,
            [
                claim(
                    briefing,
                    status="negotiating",
                    speaker=SPOKESMAN,
                    sentence="Russia is in the process of buying millions of artillery shells",
                    quantity=Quantity(min=1000000, approx=True, text="millions"),
                ),
                claim(
                    briefing,
                    status="delivered",
                    certainty="unconfirmed",
                    sentence="there were no indications the purchase had been completed",
                ),
            ],
        )
        store.add(
            drones,
            [
                claim(
                    drones,
                    supplier="IRN",
                    category="uav",
                    label="drones",
                    designation="Shahed-136",
                    status="delivered",
                    reported_date="2022-08-30",
                    origin=None,
                    sentence="Russia received Shahed-136 drones from Iran",
                ),
                claim(
                    drones,
                    supplier="IRN",
                    category="uav",
                    label="drones",
                    designation="Shahed-136",
                    status="delivered",
                    certainty="denied",
                    reported_date="2022-08-30",
                    origin=Origin(name="Iranian government", country="IRN", kind="government"),
                    sentence="Tehran denied sending any",
                ),
            ],
        )
        store.add_failure(Failure(input="broken.pdf", reason="not a supported format (PDF)"))
        store.refresh_transfers()
    return path


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


def test_transfers_table_fits_in_100_columns_and_shows_the_register(db):
    result = run("transfers", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert lines[0].split()[:3] == ["ID", "SUPPLIER->RECIP.", "CATEGORY"]
    shells = next(line for line in lines if "PRK -> RUS" in line)
    assert "ammunition" in shells
    assert "negotiating ?delivered" in shells
    assert "1,000,000+" in shells
    drones = next(line for line in lines if "IRN -> RUS" in line)
    assert "Shahed-136" in drones


def test_transfers_json_lines_and_csv_share_filters(db):
    as_json = run("transfers", "--db", db, "--category", "uav", "--json")
    [line] = as_json.output.splitlines()
    transfer = json.loads(line)
    assert (transfer["stage"], transfer["contradictions"][0]["disputed_by"]) == (
        "delivered",
        "denied",
    )

    as_csv = run("transfers", "--db", db, "--supplier", "north korea", "--csv")
    [row] = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert (row["supplier_code"], row["stage"], row["unconfirmed_stages"]) == (
        "PRK",
        "negotiating",
        "delivered",
    )

    none = run("transfers", "--db", db, "--min-origins", "3")
    assert none.exit_code == 0
    assert none.stdout == ""


def test_show_gives_timeline_evidence_speakers_origins_and_contradictions(db):
    with Store(db) as store:
        shells = store.transfers(supplier="PRK")[0].transfer_id
        drones = store.transfers(supplier="IRN")[0].transfer_id

    result = run("show", shells[:6], "--db", db)
    assert result.exit_code == 0, result.output
    assert "stage:        negotiating" in result.output
    assert "unconfirmed:  delivered" in result.output
    assert '"Russia is in the process of buying millions of artillery shells"' in result.output
    assert "Vedant Patel, deputy spokesperson, U.S. State Department" in result.output
    assert "origin: U.S. government" in result.output
    assert "1 independent (U.S. government)" in result.output

    disputed = run("show", drones, "--db", db).output
    assert "Contradictions" in disputed
    assert "delivered asserted by" in disputed
    assert "denied (delivered)" in disputed

    missing = run("show", "ffffffff", "--db", db)
    assert missing.exit_code == 1
    assert "ffffffff: no such transfer" in missing.output
    assert "Traceback" not in missing.output


def test_claims_documents_and_failures_listings(db):
    claims = run("claims", "--db", db, "--certainty", "unconfirmed").output.splitlines()
    assert len(claims) == 2 and "there were no indi" in claims[1]
    documents = run("documents", "--db", db, "--json").output.splitlines()
    assert {json.loads(d)["outlet"] for d in documents} == {"Wire Service", "Morning Paper"}
    failures = run("failures", "--db", db).output
    assert "broken.pdf" in failures and "not a supported format (PDF)" in failures


def test_export_writes_the_chosen_format_to_a_file(db, tmp_path):
    target = tmp_path / "events.tsv"
    result = run("export", "--db", db, "--format", "cameo", "-o", str(target))
    assert result.exit_code == 0, result.output
    rows = target.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("GLOBALEVENTID\tSQLDATE")
    assert any("\t016\t" in row for row in rows)  # Iran's denial
    assert "wrote" in result.output


def test_import_sipri_then_new_lists_what_sipri_does_not_have(db):
    result = run("import-sipri", str(REGISTER), "--db", db)
    assert result.exit_code == 0, result.output
    assert "imported 6 SIPRI deals; 1 of 2 transfers match one" in result.output
    new = run("transfers", "--db", db, "--new", "--json").output.splitlines()
    assert [json.loads(line)["category"] for line in new] == ["ammunition"]

    missing = run("import-sipri", "nowhere.csv", "--db", db)
    assert missing.exit_code == 1
    assert "nowhere.csv" in missing.output


def test_db_upgrade_and_a_database_from_elsewhere(tmp_path):
    from armswatch.store.migrate import head_revision

    head = head_revision()
    fresh = tmp_path / "fresh.db"
    assert f"upgraded from empty to {head}" in run("db", "upgrade", "--db", str(fresh)).output
    assert f"already at {head}" in run("db", "upgrade", "--db", str(fresh)).output

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    result = run("transfers", "--db", str(other))
    assert result.exit_code == 1
    assert "not an armswatch database" in result.output
    assert "Traceback" not in result.output


def test_ingest_stores_the_readable_inputs_names_failures_and_exits_1(tmp_path, monkeypatch):
    import armswatch.pipeline as pipeline

    article = document("Iran has delivered drones to Russia, officials said.")

    def fake_extracted(inputs, **options):
        # Stands in for reading and extraction, which other modules own and test.
        yield article, [claim(article, supplier="IRN", category="uav", status="delivered")]
        yield Failure(input="missing.html", reason="no such file")

    monkeypatch.setattr(pipeline, "iter_extracted", fake_extracted)
    db = str(tmp_path / "register.db")

    result = run("ingest", "good.txt", "missing.html", "--db", db)

    assert result.exit_code == 1
    assert "failed: missing.html: no such file" in result.output
    assert "1 documents read (1 new), 1 claims stored, 1 transfers" in result.output
    with Store(db) as store:
        assert [t.stage for t in store.transfers()] == ["delivered"]
        assert store.failures() == [Failure(input="missing.html", reason="no such file")]
