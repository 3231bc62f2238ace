"""Choosing the link store: one setting or a database URL; bad ones refused in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl import store_db
from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.provider import LinkOptions, create_link
from xshare_desktop.core.shl.store import LinkStore

DOC = ShareFile("doc.json", "application/fhir+json", b'{"resourceType":"Bundle"}')


def test_default_is_the_sqlite_file_in_the_data_folder(_private_data_dir: Path) -> None:
    store = LinkStore()
    assert isinstance(store.db, store_db.SqliteDatabase)
    assert store.db.path == _private_data_dir / "links.sqlite3"


def test_sqlite_url_and_plain_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    by_url = LinkStore(database=f"sqlite:///{tmp_path / 'a.sqlite3'}")
    assert isinstance(by_url.db, store_db.SqliteDatabase)
    assert by_url.db.path == tmp_path / "a.sqlite3"
    monkeypatch.setenv("XSHARE_LINK_DATABASE", str(tmp_path / "b.sqlite3"))
    record, _ = create_link([DOC], LinkOptions(), "http://127.0.0.1:9")
    assert (tmp_path / "b.sqlite3").is_file()
    assert LinkStore(tmp_path / "b.sqlite3").link(record.id) is not None


@pytest.mark.parametrize(
    "url",
    ["mysql://db.example/links", "sqlite://host/links.sqlite3", "sqlite://"],
)
def test_unknown_database_urls_are_refused(url: str) -> None:
    with pytest.raises(UserFacingError):
        LinkStore(database=url)


def test_unreachable_postgres_is_a_plain_error_without_the_password() -> None:
    with pytest.raises(UserFacingError) as raised:
        LinkStore(database="postgresql://links:hemmelig@127.0.0.1:1/links?connect_timeout=2")
    assert "hemmelig" not in raised.value.message
    assert "cannot be used" in raised.value.message


def test_postgres_through_the_setting(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """One setting (XSHARE_LINK_DATABASE) moves every LinkStore() of the process to PostgreSQL."""
    monkeypatch.setenv("XSHARE_LINK_DATABASE", postgres_url)
    record, _ = create_link([DOC], LinkOptions(label="delt"), "http://127.0.0.1:9")
    store = LinkStore(database=postgres_url)
    assert isinstance(store.db, store_db.PostgresDatabase)
    assert store.db is LinkStore().db  # one pool per database per process
    reloaded = store.link(record.id)
    assert reloaded is not None and reloaded.label == "delt" and reloaded.key == record.key
    # the key is kept wrapped in the shared database, never in the clear
    with store._read() as conn:
        (stored_key,) = conn.execute("SELECT key FROM links WHERE id = ?", (record.id,)).fetchone()
    assert bytes(stored_key) != record.key and len(bytes(stored_key)) > 32


def test_recipient_names_are_kept_as_one_line_in_postgres(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: a recipient's name comes from whoever asks: logged as one visible line."""
    from xshare_desktop.core.shl.store import Outcome

    store = LinkStore(database=postgres_url)
    record, _ = create_link([DOC], LinkOptions(), "http://127.0.0.1:9", store=store)
    store.log_access(record.id, "Dr. X\n2026-01-01 ok", "manifest", Outcome.OK, 1.0)
    (entry,) = store.accesses(record.id)
    assert "\n" not in entry.recipient and entry.recipient.startswith("Dr. X")


def test_redact_hides_only_the_password() -> None:
    assert store_db.redact("postgresql://u:pw@h:5432/d") == "postgresql://u:***@h:5432/d"
    assert store_db.redact("postgresql://u@h/d") == "postgresql://u@h/d"


def test_a_replaced_sqlite_file_is_not_read_through_an_old_connection(tmp_path: Path) -> None:
    """Connections stay open per thread (speed); a file removed and made anew (booth reset) is
    opened afresh, so nothing is read from or written to the removed one."""
    db = tmp_path / "links.sqlite3"
    old = LinkStore(db)
    create_link([DOC], LinkOptions(label="før"), "http://127.0.0.1:9", store=old)
    assert len(old.links()) == 1
    for leftover in tmp_path.glob("links.sqlite3*"):
        leftover.unlink()
    LinkStore(db)  # the app makes the store anew
    assert old.links() == []
    record, _ = create_link([DOC], LinkOptions(label="efter"), "http://127.0.0.1:9", store=old)
    assert LinkStore(db).link(record.id) is not None
