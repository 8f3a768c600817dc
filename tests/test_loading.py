"""The helper finds the course from any working directory and fails with messages that say what to do."""

from pathlib import Path

import pytest

from newscheck import CourseFileError, course_root, load_article, read_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("folder", [".", "notebooks", "exercises", "seeds", "data"])
def test_course_root_is_found_from_course_folders(folder, monkeypatch):
    monkeypatch.delenv("NEWSCHECK_ROOT", raising=False)
    monkeypatch.chdir(ROOT / folder)
    assert course_root() == ROOT


def test_course_root_from_elsewhere_falls_back_to_the_package_location(tmp_path, monkeypatch):
    # As on Binder or a hub when the kernel starts in another folder: the installed package knows where it lives.
    monkeypatch.delenv("NEWSCHECK_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    assert course_root() == ROOT


def test_environment_variable_overrides(course_copy):
    assert course_root() == course_copy.resolve()


def test_environment_variable_pointing_nowhere_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCHECK_ROOT", str(tmp_path))
    with pytest.raises(CourseFileError, match="does not hold seeds/article_meta.json and data/"):
        course_root()


def test_load_article():
    article = load_article()
    assert article.date == "2024-10-28"
    assert article.lines[0] == "28. Oktober, 2024"
    assert article.text.endswith("ohne jedoch konkrete Details zu liefern.")


def test_missing_article_names_the_file_and_the_fix(course_copy):
    (course_copy / "seeds" / "article_de.txt").unlink()
    with pytest.raises(CourseFileError) as caught:
        load_article()
    message = str(caught.value)
    assert message.startswith("seeds/article_de.txt: the file does not exist.")
    assert "git checkout -- seeds/article_de.txt" in message


def test_changed_article_is_refused(course_copy):
    path = course_copy / "seeds" / "article_de.txt"
    path.write_bytes(path.read_bytes().replace(b"600.000", b"700.000"))
    with pytest.raises(CourseFileError, match="SHA-256 does not match"):
        load_article()


def test_article_that_is_not_utf8_is_explained(course_copy):
    path = course_copy / "seeds" / "article_de.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    with pytest.raises(CourseFileError, match=r"not UTF-8 text \(byte \d+, line \d+\).*CSV UTF-8"):
        load_article()


def test_broken_metadata_is_explained(course_copy):
    (course_copy / "seeds" / "article_meta.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(CourseFileError, match="seeds/article_meta.json: this is not valid JSON"):
        load_article()


def test_metadata_without_keys_is_explained(course_copy):
    (course_copy / "seeds" / "article_meta.json").write_text('{"file": "article_de.txt"}', encoding="utf-8")
    with pytest.raises(CourseFileError, match="lacks title, date, section, language, sha256"):
        load_article()


def test_read_text_on_a_folder(tmp_path):
    with pytest.raises(CourseFileError, match="this is a folder, not a file"):
        read_text(tmp_path)
