"""The German edition's documents (README.de.md, instructors/de/, exercises/de/README.md, book/de/intro.md): generated
from the English documents and their catalogues in locale/de/docs/ like the notebooks, one entry per Markdown block;
complete and in sync; links pointing to the German files; the answer key quoting the German lessons' questions.
A changed English block turns its entry fuzzy and fails these tests until it is translated again.
"""

import re
import shutil
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = "de"


# the scripts in tools/ (on the path: pyproject.toml); the fixture below points catalogues.ROOT at a temporary course
import catalogues  # noqa: E402
import document_translations as docs  # noqa: E402
import links  # noqa: E402
import notebook_translations  # noqa: E402
import translations  # noqa: E402
DOCUMENTS = docs.documents()
SOURCES = translations.sources()


def name_of(document) -> str:
    return document.english.as_posix()


# --- the catalogues and the generated documents -----------------------------------------------------------------

@pytest.mark.parametrize("document", DOCUMENTS, ids=name_of)
def test_every_document_has_a_complete_catalogue_and_a_generated_twin(document):
    assert (ROOT / document.po(LANGUAGE)).exists(), f"no catalogue {document.catalogue}: run `make translations`"
    problems = catalogues.problems(document.po(LANGUAGE), docs.expected_entries(document))
    assert not problems, "\n".join(problems)
    assert (ROOT / document.target(LANGUAGE)).exists(), f"{document.target(LANGUAGE)} is missing: run `make german`"


def test_generated_documents_match_their_catalogues_the_english_and_citation_cff():
    problems = docs.out_of_date(LANGUAGE, DOCUMENTS, SOURCES)
    assert not problems, "Out of date (run `make german`, or `make links` after setting an address):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("document", DOCUMENTS, ids=name_of)
def test_the_cut_into_blocks_gives_back_the_english(document):
    """Put together from its own msgids, the English document is what it was (apart from make-links content):
    no line is lost or doubled, and every key is unique."""
    text = docs.read_english(document)
    cut = docs.layout(text)
    keys = [unit.key for unit in cut.units]
    assert len(keys) == len(set(keys)), f"keys used twice: {sorted({k for k in keys if keys.count(k) > 1})}"
    # a block inside another (a code block in a list item) would never be written: its translation would be lost
    inside = [(unit.key, outer.key) for unit in cut.units for outer in cut.units
              if outer is not unit and outer.start <= unit.start < outer.end]
    assert not inside, f"blocks inside other blocks (their translations are never used): {inside}"
    starts = {unit.start: unit for unit in cut.units}
    out, number = [], 0
    while number < len(cut.lines):
        unit = starts.get(number)
        if unit is None:
            if number not in cut.skipped:
                out.append(cut.lines[number])
            number += 1
            continue
        for n, line in enumerate(unit.msgid.split("\n")):
            out.append((unit.first_prefix if n == 0 else (unit.prefix if line.strip() else "")) + line)
        number = unit.end
    assert "\n".join(out) == "\n".join(line for i, line in enumerate(cut.lines) if i not in cut.skipped)


@pytest.mark.parametrize("document", DOCUMENTS, ids=name_of)
def test_every_translation_keeps_the_structure_of_its_block(document):
    """A table row keeps its number of cells; a heading and a list item stay one block (no # or list marker of
    their own, which the generator writes); nothing is left in English by mistake (except code and names)."""
    problems = []
    for entry in polib.pofile(str(ROOT / document.po(LANGUAGE))):
        if entry.obsolete or not entry.msgstr:
            continue
        where = f"{document.catalogue.as_posix()}: {entry.msgctxt}"
        if " row " in entry.msgctxt.rsplit("|", 1)[-1]:
            if len(links.split_cells(entry.msgstr)) != len(links.split_cells(entry.msgid)) or "\n" in entry.msgstr:
                problems.append(f"{where}: a table row must keep its {len(links.split_cells(entry.msgid))} cells on one line")
        if entry.msgctxt.endswith("| heading") and ("\n" in entry.msgstr or entry.msgstr.startswith("#")):
            problems.append(f"{where}: a heading is one line, without its # (the generator writes them)")
        if " item " in entry.msgctxt and re.match(r"\s*([-*+]|\d+[.)]) ", entry.msgstr):
            problems.append(f"{where}: a list item is written without its marker (the generator writes it)")
    assert not problems, "\n".join(problems)


# --- links and paths ------------------------------------------------------------------------------------------

def test_links_and_paths_point_to_the_german_twins_from_the_german_folder():
    lessons = [d for d in notebook_translations.notebooks() if d.english.name == "01_read_the_article.ipynb"]  # lesson, exercise
    guide = next(d for d in DOCUMENTS if d.english == Path("instructors/README.md"))
    hub = next(d for d in DOCUMENTS if d.english == Path("instructors/jupyterhub.md"))
    built = lessons + [hub]
    text = ("[a](../notebooks/01_read_the_article.ipynb) [b](../notebooks/02_who_says_what.ipynb#step-1) "
            "[c](jupyterhub.md) [d](README.md) [e](https://example.org/x.md) "
            "`exercises/solutions/01_read_the_article.ipynb` `exercises/solutions/02_who_says_what.ipynb` "
            "`../LICENSE-TEXT.md` `data/README.md` `instructors/jupyterhub.md` `exercises/solutions/` `make lab`")
    assert docs.rewrite_paths(text, guide, LANGUAGE, built) == (
        "[a](../../notebooks/de/01_read_the_article.ipynb) [b](../../notebooks/02_who_says_what.ipynb#step-1) "
        "[c](jupyterhub.md) [d](../README.md) [e](https://example.org/x.md) "
        "`exercises/de/solutions/01_read_the_article.ipynb` `exercises/solutions/02_who_says_what.ipynb` "
        "`../../LICENSE-TEXT.md` `data/README.md` `instructors/de/jupyterhub.md` `exercises/solutions/` `make lab`")


def test_a_marked_table_lists_the_german_folder():
    readme = next(d for d in DOCUMENTS if d.english == Path("README.md"))
    line = "<!-- BEGIN make links: table notebooks/*.ipynb (a row per lesson) -->"
    assert docs.translated_markers(line, readme, LANGUAGE) == "<!-- BEGIN make links: table notebooks/de/*.ipynb (a row per lesson) -->"
    assert docs.translated_markers("<!-- END make links: badge -->", readme, LANGUAGE) == "<!-- END make links: badge -->"


def test_the_german_documents_have_the_make_links_blocks_of_their_english_twins():
    for english, german in links.TRANSLATED[LANGUAGE].items():
        path = ROOT / german
        if not path.exists():
            continue
        names = links.block_names(path.read_text(encoding="utf-8"), path)
        assert sorted(names) == sorted(links.required_blocks(path, ROOT)), f"{german}: blocks {names}"
    generated = {d.target(LANGUAGE).as_posix() for d in DOCUMENTS
                 if links.block_names(docs.read_english(d), ROOT / d.english)}
    assert generated <= set(links.TRANSLATED[LANGUAGE].values()), "a generated document with make-links blocks is not in links.TRANSLATED"


# --- what the German documents must say ------------------------------------------------------------------------

def test_the_german_readme_and_guide_say_how_to_start_the_german_edition():
    readme = (ROOT / "README.de.md").read_text(encoding="utf-8")
    guide = (ROOT / "instructors" / "de" / "README.md").read_text(encoding="utf-8")
    hub = (ROOT / "instructors" / "de" / "jupyterhub.md").read_text(encoding="utf-8")
    for command in ["make lab-de", "make test", "jupyter lab notebooks/de/00_start_here.ipynb", "make hub-link-de",
                    "make translations", "make german", "make links"]:
        assert command in readme, f"README.de.md does not mention `{command}`"
    for command in ["make lab-de", "make hub-link-de", "notebooks/de/00_start_here.ipynb"]:
        assert command in guide, f"instructors/de/README.md does not mention `{command}`"
    assert "make hub-link-de" in hub
    # the guide's Binder and hub instructions come from make links, in German, for the German start notebook
    assert links.block_text("send-binder", None, "de") in guide and links.block_text("hub-link", None, "de") in hub


def think_questions(po_path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(po_path)) if not e.obsolete and "**Think:**" in e.msgid]


def normalised(text: str) -> str:
    text = re.sub(r"[*_„“”‚‘’\"']", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def answer_key() -> dict[str, str]:
    """'01-2' -> the quoted German question of that answer (and '00-1' for the bonus question of 00)."""
    found = {}
    for entry in polib.pofile(str(ROOT / next(d for d in DOCUMENTS if d.english == Path("instructors/README.md")).po(LANGUAGE))):
        match = re.match(r"\*\*(\d\d)(?:-(\d)| \(Zusatz\))\.\*\* \*„(.+?)“\*", entry.msgstr, re.S)
        if match and not entry.obsolete:
            found[f"{match.group(1)}-{match.group(2) or 1}"] = match.group(3)
    return found


def test_the_answer_key_has_one_answer_per_think_question():
    key = answer_key()
    wanted = {}
    for po_path in sorted((ROOT / "locale" / LANGUAGE / "notebooks").glob("*.po")):
        for number, _ in enumerate(think_questions(po_path), start=1):
            wanted[f"{po_path.name[:2]}-{number}"] = True
    assert sorted(key) == sorted(wanted), "the German answer key and the lessons' Think: questions differ"


@pytest.mark.parametrize("lesson", sorted(p.name for p in (ROOT / "locale" / LANGUAGE / "notebooks").glob("*.po")))
def test_the_answer_key_quotes_the_german_lessons_think_questions(lesson):
    """Each question in the answer key is worded as the German lesson asks it (its catalogue entry, once translated);
    "…" in a quotation stands for words left out."""
    key = answer_key()
    pending = []
    for number, entry in enumerate(think_questions(ROOT / "locale" / LANGUAGE / "notebooks" / lesson), start=1):
        name = f"{lesson[:2]}-{number}"
        if entry.fuzzy or not entry.msgstr:
            pending.append(name)
            continue
        question = normalised(entry.msgstr.split("**Denk nach:**", 1)[-1])
        pieces = [normalised(piece) for piece in key[name].split("…")]
        position = 0
        for piece in pieces:
            position = question.find(piece, position)
            assert position >= 0, (f"{name}: the answer key quotes „{key[name]}“, but the German lesson asks "
                                   f"„{entry.msgstr.split('**Denk nach:**', 1)[-1].strip()[:300]}“. Quote the lesson "
                                   "(locale/de/docs/instructors_README.po, section 4).")
            position += len(piece)
    if pending and len(pending) == len(think_questions(ROOT / "locale" / LANGUAGE / "notebooks" / lesson)):
        pytest.skip(f"{lesson}: its Think: questions are not translated yet ({', '.join(pending)})")


# --- a changed English block turns its entry fuzzy and fails until translated (on a temporary copy) -------------

@pytest.fixture
def course(tmp_path, monkeypatch):
    """instructors/jupyterhub.md, its catalogue and CITATION.cff in a temporary course, with the sentences of make
    links and their catalogue (a document of the edition too); the tools pointed at it."""
    (tmp_path / "instructors").mkdir()
    shutil.copy(ROOT / "instructors" / "jupyterhub.md", tmp_path / "instructors")
    shutil.copy(ROOT / "CITATION.cff", tmp_path)
    (tmp_path / "tools").mkdir()  # the sentences make links writes into the document's blocks
    for name in ["link_texts.md", f"link_texts.{LANGUAGE}.md"]:
        shutil.copy(ROOT / "tools" / name, tmp_path / "tools")
    (tmp_path / "locale" / LANGUAGE / "docs").mkdir(parents=True)
    for name in ["instructors_jupyterhub.po", "tools_link_texts.po"]:
        shutil.copy(ROOT / "locale" / LANGUAGE / "docs" / name, tmp_path / "locale" / LANGUAGE / "docs")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises" / "source").mkdir(parents=True)
    monkeypatch.setattr(catalogues, "ROOT", tmp_path)
    return tmp_path


def hub_document():
    return next(d for d in docs.documents() if d.english == Path("instructors/jupyterhub.md"))


def entry_of(document, key: str) -> polib.POEntry:
    return next(e for e in catalogues.read(document.po(LANGUAGE)) if e.msgctxt == key and not e.obsolete)


def incomplete(document) -> list[str]:
    """What keeps the document's catalogue from being complete (what `make german` and the tests report)."""
    return catalogues.problems(document.po(LANGUAGE), docs.expected_entries(document))


def test_a_changed_english_block_turns_fuzzy_and_fails_until_translated_again(course):
    document = hub_document()
    assert incomplete(document) == [] and docs.update_catalogue(document, LANGUAGE)["written"] is False
    assert "make hub-link-de" in docs.translated_document(document, LANGUAGE, [document])

    key = "8. Good practice during a course | list 1 item 2"
    old_english, old_german = entry_of(document, key).msgid, entry_of(document, key).msgstr
    english = docs.read_english(document)
    (course / document.english).write_text(english.replace("Never force-push", "Never, ever force-push"), encoding="utf-8")
    assert any(key in p and "changed in English" in p for p in incomplete(document))
    with pytest.raises(catalogues.Incomplete):
        docs.translated_document(document, LANGUAGE, [document])

    counts = docs.update_catalogue(document, LANGUAGE)
    assert counts["fuzzy"] == 1 and counts["new"] == 0 and counts["written"]
    entry = entry_of(document, key)
    assert entry.fuzzy and entry.previous_msgid == old_english and entry.msgstr == old_german
    problems = incomplete(document)
    assert len(problems) == 1 and "is fuzzy" in problems[0]
    assert translations.incomplete(LANGUAGE) == problems  # `make german` refuses, `make test` fails

    po = catalogues.read(document.po(LANGUAGE))
    entry = next(e for e in po if e.msgctxt == key)
    entry.msgstr = old_german.replace("Machen Sie nie", "Machen Sie niemals")
    entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    po.save()
    assert incomplete(document) == []
    assert "Machen Sie niemals einen Force-Push" in docs.translated_document(document, LANGUAGE, [document])


def test_moved_new_and_deleted_blocks(course):
    document = hub_document()
    english = docs.read_english(document)
    moved = re.search(r"^- Keep the repository small.*?(?=^- |^#|\Z)", english, re.M | re.S).group(0)  # a list item
    deleted = "- a file the learner changed but you deleted is kept.\n"
    assert moved in english and deleted in english
    english = english.replace(moved, "").replace("## 8. Good practice during a course\n",
                                                "## 8. Good practice during a course\n" + moved)
    english = english.replace(deleted, "") + "\nA new closing paragraph.\n"
    (course / document.english).write_text(english, encoding="utf-8")
    counts = docs.update_catalogue(document, LANGUAGE)
    assert counts == {"new": 1, "fuzzy": 0, "obsolete": 1, "written": True}, counts
    po = catalogues.read(document.po(LANGUAGE))
    kept = next(e for e in po if e.msgid.startswith("Keep the repository small"))
    assert kept.msgctxt == "8. Good practice during a course | list 1 item 1" and kept.msgstr and not kept.fuzzy
    assert next(e for e in po if e.msgid == "a file the learner changed but you deleted is kept.").obsolete
    assert next(e for e in po if e.msgid == "A new closing paragraph.").msgstr == ""
    assert any("is not translated yet" in p for p in incomplete(document))
    assert docs.update_catalogue(document, LANGUAGE)["written"] is False  # idempotent
