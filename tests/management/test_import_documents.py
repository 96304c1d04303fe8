"""`manage.py import_documents`: files and folders, a JSON summary, a failing exit on bad files, drafts."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.models import Document, DocumentStatus
from archive.search.results import search_documents
from tests.conftest import SEEDS, SHARED, child_database_url, seed_path


def run_import(*paths, capsys) -> list[dict]:
    call_command("import_documents", *map(str, paths), "--json")
    return json.loads(capsys.readouterr().out)


def test_importing_the_seeds_twice_duplicates_nothing(search_index, capsys):
    first = run_import(SEEDS, capsys=capsys)
    assert [item["status"] for item in first] == ["imported"] * 4
    second = run_import(SEEDS, capsys=capsys)
    assert [item["status"] for item in second] == ["duplicate"] * 4
    assert Document.objects.count() == 4


def test_summary_describes_the_white_paper(search_index, capsys):
    summary = {item["path"].rsplit("/", 1)[-1][:3]: item for item in run_import(SEEDS, capsys=capsys)}
    paper = summary["003"]
    assert paper["kind"] == "white_paper"
    assert paper["date"] == "2017-01"
    assert "State Council Information Office" in paper["issuer"]
    assert paper["complete"] is False
    assert [entry["label"] for entry in paper["missing"]] == ["III", "IV", "V", "VI", ""]
    assert [(s["label"], s["heading"]) for s in paper["sections"]][:3] == [
        ("", "Preface"),
        ("I", "China's Policies and Positions on Asia-Pacific Security Cooperation"),
        ("II", "China's Security Vision for the Asia-Pacific Region"),
    ]
    assert [child["label"] for child in paper["sections"][2]["children"]] == ["1", "2"]
    article = summary["002"]
    assert article["authors"] == ["Lu Chuanying"]
    assert article["publisher"] == "China Daily"
    assert article["date"] == "2024-05-16"
    assert summary["001"]["version_of"] == summary["000"]["document_id"]


def test_bad_files_fail_without_stopping_the_others(search_index, tmp_path, capsys):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c_good.txt").write_bytes((SEEDS / next(p.name for p in SEEDS.iterdir() if p.name.startswith("002"))).read_bytes())
    with pytest.raises(CommandError, match="2 of 3"):
        call_command("import_documents", str(tmp_path), "--json")
    summary = json.loads(capsys.readouterr().out)
    assert [item["status"] for item in summary] == ["failed", "failed", "imported"]
    assert all(item["error"] for item in summary[:2])
    assert Document.objects.count() == 1


def test_a_file_over_the_limit_is_refused_before_it_is_read(search_index, tmp_path, capsys, settings):
    settings.ARCHIVE_MAX_FILE_BYTES = 1024 * 1024
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: nothing is written, nothing should be read
    with pytest.raises(CommandError):
        call_command("import_documents", str(big), "--json")
    summary = json.loads(capsys.readouterr().out)
    assert summary[0]["status"] == "failed" and "the file is 50 MB; the limit is 1 MB" in summary[0]["error"]


def test_each_line_says_which_work_an_imported_file_joined(search_index, capsys):
    policy = SHARED / "corpus" / "policy"
    february, july = policy / "au-dfat-1951-02-17-draft-of-treaty-anzus.md", policy / "au-dfat-1951-07-12-draft-anzus-security-treaty.md"
    call_command("import_documents", str(SEEDS), str(february), str(july))
    out = [line for line in capsys.readouterr().out.splitlines() if not line.lstrip().startswith("note:")]
    lines = {line.split(":", 1)[0].rsplit("/", 1)[-1]: line for line in out}
    ids = {name: int(line.split("#", 1)[1].split()[0]) for name, line in lines.items()}
    asean = next(name for name in lines if name.startswith("000"))
    capture = next(name for name in lines if name.startswith("001"))
    assert lines[capture].endswith(f"another version of #{ids[asean]})")
    assert lines[july.name].endswith(f"1951-07-12, another draft of #{ids[february.name]})")
    assert "another" not in lines[february.name]


def test_a_file_whose_encoding_was_guessed_says_so_in_the_result(search_index, tmp_path, capsys):
    text = "Caf\u00e9 diplomacy\n\nThe minister\u2019s caf\u00e9 talks with ASEAN envoys went on late into the night. " * 3
    path = tmp_path / "cafe.txt"
    path.write_bytes(text.encode("cp1252"))
    (item,) = run_import(path, capsys=capsys)
    assert item["status"] == "imported"
    assert any("not UTF-8" in warning and "1252" in warning for warning in item["warnings"])
    call_command("import_documents", str(path))  # a duplicate now, but the plain report is read the same way
    path.write_bytes(text.replace("late", "early").encode("cp1252"))
    call_command("import_documents", str(path))
    assert "note: the file is not UTF-8" in capsys.readouterr().out


def test_two_bulk_imports_at_once_store_each_file_once_and_leave_the_index_consistent(transactional_db, tmp_path):
    """Two real processes import the same folder of real documents into one archive at the same time."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    corpus = SHARED / "corpus" / "policy"
    files = sorted(path for path in corpus.iterdir() if path.suffix in (".md", ".txt"))[:20]
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings",
           "DATABASE_URL": child_database_url(tmp_path)}
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    imports = [
        subprocess.Popen([*manage, "import_documents", *map(str, files)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300)[0] for process in imports]
    assert [process.returncode for process in imports] == [0, 0], outputs
    assert not any("Traceback" in output or "Error" in output for output in outputs), outputs
    imported = [line for output in outputs for line in output.splitlines() if line.startswith("imported")]
    duplicates = [line for output in outputs for line in output.splitlines() if line.startswith("duplicate")]
    assert len(imported) + len(duplicates) == 2 * len(files)
    # Counted by a process of the same archive: on SQLite this one does not see the children's database.
    count = "from archive.models import SourceFile as F; print(F.objects.count(), F.objects.values('sha256').distinct().count())"
    counted = subprocess.run([*manage, "shell", "-v0", "-c", count], env=env, capture_output=True, text=True, check=True)
    stored, distinct = map(int, counted.stdout.split())
    assert stored == distinct == len(imported)
    check = subprocess.run([*manage, "check_index", "--dry-run"], env=env, capture_output=True, text=True)
    assert check.returncode == 0 and "0 missing, 0 orphaned, 0 stale" in check.stdout, check.stdout + check.stderr


def test_the_configured_limit_is_the_one_limit_and_its_message_reads_in_sensible_units(search_index, tmp_path, capsys, settings):
    """Above the parser's own 20 MB default, and far below it: the setting decides, and the sizes read as sizes."""
    settings.ARCHIVE_MAX_FILE_BYTES = 30_000_000
    large = tmp_path / "large.txt"
    large.write_bytes(bytes(21 * 1024 * 1024))  # read past the size check: refused for what it is, not its size
    with pytest.raises(CommandError):
        call_command("import_documents", str(large), "--json")
    assert json.loads(capsys.readouterr().out)[0]["error"] == "looks like a binary file, not text"

    settings.ARCHIVE_MAX_FILE_BYTES = 1000
    small = tmp_path / "small.txt"
    small.write_bytes(b"Maritime notes\n\n" + b"x" * 1500)
    with pytest.raises(CommandError):
        call_command("import_documents", str(small), "--json")
    error = json.loads(capsys.readouterr().out)[0]["error"]
    assert "the file is 1.5 KB; the limit is 1,000 bytes" in error


def test_draft_imports_drafts_kept_out_of_public_search(search_index, capsys):
    call_command("import_documents", str(seed_path("002")), "--draft")
    assert "(opinion, 2024-05-16, draft)" in capsys.readouterr().out
    assert Document.objects.get().status == DocumentStatus.DRAFT
    assert search_documents("Chuanying").count == 0
