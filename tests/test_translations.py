"""The German edition: one source of truth (the English notebooks and the PO catalogues in locale/de/), every
catalogue complete, generated notebooks in sync and cell for cell parallel to the English ones, and the helper's
messages in the edition's language. A changed English cell turns its entry fuzzy and fails these tests.
"""

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import polib
import pytest

from newscheck import i18n

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = "de"


# the scripts in tools/ (on the path: pyproject.toml); the fixtures below point catalogues.ROOT at a temporary course
import catalogues  # noqa: E402
import document_translations  # noqa: E402
import make_exercises as exercises  # noqa: E402
import message_translations as messages  # noqa: E402
import notebook_translations as notebooks  # noqa: E402
import translations  # noqa: E402
DOCUMENTS = notebooks.notebooks()
SOURCES = translations.sources()
CATALOGUES = sorted((ROOT / "locale" / LANGUAGE).rglob("*.po"))


def name_of(document) -> str:
    return document.english.as_posix()


# --- the catalogues -----------------------------------------------------------------------------------------

def test_every_english_notebook_has_a_catalogue():
    missing = [d.po(LANGUAGE).as_posix() for d in DOCUMENTS if not (ROOT / d.po(LANGUAGE)).exists()]
    assert not missing, f"No catalogue for {missing}: run `make translations` and commit locale/."


def test_every_catalogue_belongs_to_an_english_source():
    """Every lesson, exercise and document, and the helper's messages, have a catalogue, and no catalogue is left
    over from an English source that is gone."""
    assert {ROOT / source.po(LANGUAGE) for source in SOURCES} == set(CATALOGUES)
    assert len(SOURCES) == len(DOCUMENTS) + 1 + len(document_translations.SOURCES)  # notebooks, messages, documents


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.catalogue.as_posix())
def test_catalogue_is_complete_and_up_to_date(source, extracted_messages):
    """No untranslated or fuzzy entry, and every entry made for the English as it is now (the notebooks, the
    messages, and the README and guides: tests/test_document_translations.py)."""
    assert (ROOT / source.po(LANGUAGE)).exists(), f"{source.po(LANGUAGE)} does not exist: run `make translations`"
    problems = catalogues.problems(source.po(LANGUAGE), translations.expected_entries(source, extracted_messages))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_translation_keeps_the_form_of_its_english(path):
    """In every catalogue: translated code keeps its code, messages keep their {fields}, and
    msgid and msgstr start and end with a line break alike (as `msgfmt --check` wants)."""
    problems = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not entry.translated():
            continue
        where = f"{path.relative_to(ROOT)}: {'cell ' + entry.msgctxt if entry.msgctxt else repr(entry.msgid[:50])}"
        for english, german in [(entry.msgid, entry.msgstr)] if entry.msgstr else zip([entry.msgid, entry.msgid_plural], entry.msgstr_plural.values()):
            if english.startswith("\n") != german.startswith("\n") or english.endswith("\n") != german.endswith("\n"):
                problems.append(f"{where}: starts or ends with a line break where the English does not (or the other way round)")
            if "python-brace-format" in entry.flags and set(re.findall(r"{(\w*)", english)) != set(re.findall(r"{(\w*)", german)):
                problems.append(f"{where}: the translation must use the same {{fields}} as the English")
        if "Code cell" in entry.comment:
            try:
                same = notebooks.code_shape(entry.msgstr) == notebooks.code_shape(entry.msgid)
            except SyntaxError as error:
                problems.append(f"{where}: the translated code does not parse ({error.msg}, line {error.lineno})")
                continue
            if not same:
                problems.append(f"{where}: the translation changes the code; change only text in quotes and comments")
    assert not problems, "\n".join(problems)


def test_the_message_catalogue_finds_every_message(extracted_messages):
    found = [m for m, _, _, _ in extracted_messages]
    assert any(m.startswith("There is no edition of the course") for m in found)


# --- the generated notebooks ----------------------------------------------------------------------------------

def test_generated_files_match_the_catalogues_and_the_english():
    problems = translations.out_of_date(LANGUAGE)
    assert not problems, "Out of date (run `make german` and commit):\n  " + "\n  ".join(problems)


def german_twins(document) -> list[tuple[Path, Path]]:
    """(English, German) pairs of committed notebooks generated for one document."""
    return sorted(document.twins(LANGUAGE).items())


PAIRS = [pair for document in DOCUMENTS for pair in german_twins(document)]


@pytest.mark.parametrize("english, german", PAIRS, ids=[p[1].as_posix() for p in PAIRS])
def test_german_notebook_has_the_same_cells_and_code_as_the_english(english, german):
    en, de = nbformat.read(ROOT / english, as_version=4), nbformat.read(ROOT / german, as_version=4)
    assert de.metadata.get("language") == LANGUAGE
    def shape(notebook):
        return [(c.cell_type, c.get("id"), c.metadata.get("tags", [])) for c in notebook.cells]
    assert shape(de) == shape(en), "the German notebook's cells (count, types, ids, tags) differ from the English"
    for en_cell, de_cell in zip(en.cells, de.cells):
        if en_cell.cell_type == "code":
            assert notebooks.code_shape(de_cell.source) == notebooks.code_shape(en_cell.source), (
                f"cell {de_cell.id}: the German code differs from the English in more than strings and comments")
        elif en_cell.source.strip():
            assert de_cell.source != en_cell.source, f"cell {de_cell.id} is still the English text"


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if d.kind == "exercise"], ids=name_of)
def test_german_learner_copy_has_no_solutions_and_no_outputs(document):
    path = ROOT / "exercises" / LANGUAGE / document.english.name
    assert not exercises.is_edited(path), "the committed German learner copy has been edited or run"
    for cell in nbformat.read(path, as_version=4).cells:
        assert "solution" not in cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_an_edited_german_learner_copy_is_kept(tmp_path, monkeypatch):
    folder = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", folder)
    monkeypatch.setattr(exercises, "ROOT", tmp_path)
    path = folder / LANGUAGE / "01_read_the_article.ipynb"
    mine = nbformat.read(path, as_version=4)
    next(c for c in mine.cells if "stub" in c.metadata.get("tags", [])).source = "number_of_lines = 8  # meine Antwort"
    nbformat.write(mine, path)
    before = path.read_bytes()
    exercise = next(d for d in DOCUMENTS if d.kind == "exercise" and d.english.name == path.name)
    message = exercises.write_protected(notebooks.learner_copy(exercise, LANGUAGE, SOURCES), path)
    assert message.startswith(f"KEPT exercises/{LANGUAGE}/01_read_the_article.ipynb")
    assert path.read_bytes() == before and path.with_name("01_read_the_article.new.ipynb").exists()


def test_links_point_to_the_german_twins_and_reach_data_from_the_deeper_folder():
    lesson = next(d for d in DOCUMENTS if d.english.name == "01_read_the_article.ipynb" and d.kind == "lesson")
    built = [lesson, next(d for d in DOCUMENTS if d.kind == "exercise" and d.english.name == lesson.english.name)]
    text = ("[a](01_read_the_article.ipynb) [b](02_who_says_what.ipynb#step-1) [c](../exercises/01_read_the_article.ipynb) "
            "[d](../data/README.md) [e](https://example.org/x.ipynb) [f](#key-points)")
    rewritten = catalogues.rewrite_links(text, lesson.link_base(), lesson.link_base(LANGUAGE), LANGUAGE, built)
    assert rewritten == ("[a](01_read_the_article.ipynb) [b](../02_who_says_what.ipynb#step-1) "
                         "[c](../../exercises/de/01_read_the_article.ipynb) [d](../../data/README.md) "
                         "[e](https://example.org/x.ipynb) [f](#key-points)")


def test_a_lesson_link_to_a_translated_document_points_to_its_german_twin(monkeypatch):
    lesson = next(d for d in DOCUMENTS if d.english.name == "01_read_the_article.ipynb" and d.kind == "lesson")
    notebook = notebooks.read_english(lesson)
    po = catalogues.read(lesson.po(LANGUAGE))
    number, cell = next((n, c) for n, c in enumerate(notebook.cells) if c.cell_type == "markdown" and notebooks.is_translated(c))
    entry = next(e for e in po if e.msgctxt == cell.id)
    link = "\n\n[README](../README.md) [guide](../instructors/README.md)"  # kept as it is by the translator
    cell.source, entry.msgid, entry.msgstr = cell.source + link, cell.source + link, entry.msgstr + link
    monkeypatch.setattr(notebooks, "read_english", lambda source: notebook)
    monkeypatch.setattr(catalogues, "read", lambda path: po)
    documents = [source for source in SOURCES if not isinstance(source, notebooks.Notebook)]
    translated = notebooks.translated_notebook(lesson, LANGUAGE, [lesson, *documents])
    assert translated.cells[number].source.endswith("[README](../../README.de.md) [guide](../../instructors/de/README.md)")


def test_only_cells_with_text_get_an_entry():
    code = nbformat.v4.new_code_cell
    assert not notebooks.is_translated(code("600_000 / 300_000"))
    assert notebooks.is_translated(code("x = 1  # a comment"))
    assert notebooks.is_translated(code('print("first:", x)'))
    assert notebooks.is_translated(nbformat.v4.new_markdown_cell("Text"))
    assert not notebooks.is_translated(nbformat.v4.new_markdown_cell("  "))


def test_code_shape_ignores_strings_and_comments_only():
    shape = notebooks.code_shape
    assert shape('print("first:", x)  # show it') == shape('print("erste Zahl:", x)')
    assert shape('f"{name:10} {n}"') == shape('f"{name:12} {n}"')
    assert shape('print("first:", x)') != shape('print("erste:", y)')
    assert shape("x = 1") != shape("x = 2")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed (the pip route in README.md)")
def test_make_lab_de_opens_the_german_start_notebook_with_german_menus():
    dry_run = subprocess.run(["make", "-n", "lab-de"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "--LabApp.default_url=/lab/tree/notebooks/de/00_start_here.ipynb" in dry_run
    assert (ROOT / "notebooks" / "de" / "00_start_here.ipynb").exists()
    settings = re.search(r"--LabApp\.app_settings_dir=(\S+)", dry_run).group(1)
    overrides = ROOT / settings / "overrides.json"
    if overrides.exists():  # written by the set-up step of make
        assert '"locale": "de_DE"' in overrides.read_text(encoding="utf-8")
    assert '"locale": "en"' in (ROOT / "tools" / "lab-settings" / "overrides.json").read_text(encoding="utf-8")


# --- a changed English cell turns its entry fuzzy and fails the check (on a temporary copy) --------------------

@pytest.fixture
def course(tmp_path, monkeypatch):
    """The English lesson 00 and its German catalogue in a temporary course; the tool pointed at it."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises" / "source").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", tmp_path / "notebooks")
    (tmp_path / "locale" / LANGUAGE / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "locale" / LANGUAGE / "notebooks" / "00_start_here.po", tmp_path / "locale" / LANGUAGE / "notebooks")
    monkeypatch.setattr(catalogues, "ROOT", tmp_path)
    return tmp_path


def lesson_00(course):
    return notebooks.notebooks()[0]


def test_a_changed_english_cell_turns_fuzzy_and_fails_until_translated_again(course):
    document = lesson_00(course)
    po_path = document.po(LANGUAGE)
    assert translations.incomplete(LANGUAGE) == []
    assert notebooks.update_catalogue(document, LANGUAGE)["written"] is False  # committed = up to date

    english = notebooks.read_english(document)
    cell = next(c for c in english.cells if "six short notebooks" in c.source)  # "What this course is"
    old_english = cell.source
    old_german = next(e for e in polib.pofile(str(course / po_path)) if e.msgctxt == cell.id).msgstr
    cell.source = old_english.replace("six short notebooks", "seven short notebooks")
    nbformat.write(english, course / document.english)

    # before `make translations`: the catalogue still has the old English
    assert any(f"cell {cell.id}" in p and "changed in English" in p for p in translations.incomplete(LANGUAGE))
    with pytest.raises(catalogues.Incomplete):
        notebooks.translated_notebook(document, LANGUAGE, [document])

    counts = notebooks.update_catalogue(document, LANGUAGE)
    assert counts["fuzzy"] == 1 and counts["written"]
    entry = next(e for e in polib.pofile(str(course / po_path)) if e.msgctxt == cell.id)
    assert entry.fuzzy and entry.msgid == cell.source
    assert entry.previous_msgid == old_english and entry.msgstr == old_german  # Poedit shows both
    problems = translations.incomplete(LANGUAGE)
    assert len(problems) == 1 and f"cell {cell.id}" in problems[0] and "is fuzzy" in problems[0]
    with pytest.raises(catalogues.Incomplete):
        notebooks.translated_notebook(document, LANGUAGE, [document])

    # changed a second time before anyone translated: the previous English stays the one the German was made for
    cell.source = cell.source.replace("seven", "eight")
    nbformat.write(english, course / document.english)
    notebooks.update_catalogue(document, LANGUAGE)
    entry = next(e for e in polib.pofile(str(course / po_path)) if e.msgctxt == cell.id)
    assert entry.fuzzy and entry.previous_msgid == old_english

    # the translator updates the German and removes the fuzzy flag: complete again
    po = polib.pofile(str(course / po_path))
    entry = next(e for e in po if e.msgctxt == cell.id)
    entry.msgstr = old_german.replace("sechs kurzen", "acht kurzen")
    entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    po.save()
    assert translations.incomplete(LANGUAGE) == []
    german = notebooks.translated_notebook(document, LANGUAGE, [document])
    assert "acht kurzen" in next(c for c in german.cells if c.id == cell.id).source


def test_new_cells_get_empty_entries_and_deleted_cells_become_obsolete(course):
    document = lesson_00(course)
    english = notebooks.read_english(document)
    removed = english.cells.pop(1)
    english.cells.insert(2, nbformat.v4.new_markdown_cell("A new paragraph."))
    nbformat.write(english, course / document.english)
    counts = notebooks.update_catalogue(document, LANGUAGE)
    assert counts["new"] == 1 and counts["obsolete"] == 1
    po = polib.pofile(str(course / document.po(LANGUAGE)))
    new = next(e for e in po if e.msgid == "A new paragraph.")
    assert new.msgctxt == english.cells[2].id and new.msgstr == "" and not new.obsolete
    gone = next(e for e in po if e.msgctxt == removed.id)
    assert gone.obsolete and gone.msgstr  # the translation is kept, in case the cell comes back
    assert any("is not translated yet" in p for p in translations.incomplete(LANGUAGE))
    assert notebooks.update_catalogue(document, LANGUAGE)["written"] is False  # idempotent


def test_a_changed_message_keeps_its_translation_as_fuzzy(course):
    module = course / "newscheck" / "demo.py"
    module.parent.mkdir()
    module.write_text('from newscheck.i18n import _\nHELLO = _("Your answer is {what}.", what="right")\n', encoding="utf-8")
    messages.update_catalogue(LANGUAGE)
    path = course / messages.MESSAGES.po(LANGUAGE)
    po = polib.pofile(str(path))
    po[0].msgstr = "Deine Antwort ist {what}."
    po.save()
    module.write_text('from newscheck.i18n import _\nHELLO = _("Your answer is {what}!", what="right")\n', encoding="utf-8")
    counts = messages.update_catalogue(LANGUAGE)
    entry = polib.pofile(str(path))[0]
    assert counts["fuzzy"] == 1 and entry.fuzzy and entry.msgid == "Your answer is {what}!"
    assert entry.previous_msgid == "Your answer is {what}." and entry.msgstr == "Deine Antwort ist {what}."
    assert "python-brace-format" in entry.flags


# --- the helper's messages in the edition's language ------------------------------------------------------------

DEMO = "There is no edition of the course in '{language}'. Give one of {available} to use_language(), or None to choose by the notebook's folder."


@pytest.fixture
def automatic_language(monkeypatch):
    monkeypatch.delenv(i18n.LANGUAGE_VARIABLE, raising=False)
    i18n.use_language(None)
    yield
    i18n.use_language(None)


def test_a_message_is_german_in_the_german_folders_and_english_elsewhere(automatic_language, monkeypatch):
    fields = dict(language="fr", available="'en', 'de'")
    for folder, language in [("notebooks/de", "de"), ("exercises/de/solutions", "de"), ("exercises/de", "de"),
                             ("notebooks", "en"), ("exercises/solutions", "en"), (".", "en")]:
        monkeypatch.chdir(ROOT / folder)
        assert i18n.current_language() == language, folder
        message = i18n._(DEMO, **fields)
        if language == "de":
            assert message.startswith("Den Kurs gibt es nicht in der Sprache 'fr'.") and "'en', 'de'" in message
        else:
            assert message == DEMO.format(**fields)


def test_use_language_and_the_environment_variable_choose_the_language(automatic_language, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    monkeypatch.setenv(i18n.LANGUAGE_VARIABLE, "de")
    assert i18n._(DEMO, language="x", available="y").startswith("Den Kurs gibt es nicht")
    i18n.use_language("en")
    assert i18n._(DEMO, language="x", available="y").startswith("There is no edition")
    with pytest.raises(ValueError, match="There is no edition of the course in 'fr'"):
        i18n.use_language("fr")
    i18n.use_language("de")
    with pytest.raises(ValueError, match="Den Kurs gibt es nicht in der Sprache 'fr'"):
        i18n.use_language("fr")


def test_an_untranslated_or_broken_message_falls_back_to_english(automatic_language):
    i18n.use_language("de")
    assert i18n._("A message nobody translated: {x}.", x=1) == "A message nobody translated: 1."
    assert i18n._fill("Deine {antwort}", "Your {answer}", {"answer": "Zahl"}) == "Your Zahl"  # a translator's typo
    assert i18n.ngettext("{n} is missing", "{n} are missing", 3, n=3) == "3 are missing"


def test_the_compiled_catalogue_ships_and_is_read_without_any_download():
    mo = ROOT / "locale" / LANGUAGE / "LC_MESSAGES" / "newscheck.mo"
    assert mo.exists() and mo.stat().st_size < 100_000
    import ast

    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "gettext", "os", "re", "functools", "pathlib", "typing", "newscheck"}, (
        "newscheck.i18n runs in every learner's kernel: standard library only (the catalogue is compiled by `make german`)")


# --- numbers on the axes --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language, expected", [("en", ["0", "1,000", "250,000", "600,000"]),
                                                ("de", ["0", "1.000", "250.000", "600.000"])])
def test_axis_numbers_are_written_the_way_the_edition_writes_them(language, expected):
    """'600,000' on a German axis reads as six hundred; lesson 04's figures use thousands() in both editions."""
    import matplotlib.pyplot as plt

    from newscheck import thousands, use_language

    use_language(language)
    try:
        assert [thousands(value) for value in (0.0, 1000.0, 250_000.4, 600_000)] == expected
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 600_000])
        ax.set_yticks([0, 600_000])
        ax.yaxis.set_major_formatter(thousands)
        fig.canvas.draw()
        assert [tick.get_text() for tick in ax.get_yticklabels()] == [expected[0], expected[-1]]
        plt.close(fig)
    finally:
        use_language(None)


# The German Kernel menu's entry as JupyterLab shows it with the pinned language pack (tests/test_browser.py opens the
# menu and finds it; the pack's jupyterlab.json has a lower-case variant that the menu does not show).
GERMAN_RESTART_RUN_ALL = "Kernel neu starten und Alle Zellen ausführen"


def test_german_texts_name_the_restart_menu_entry_as_jupyterlab_shows_it():
    """A learner looks for the menu entry a lesson names: every German text that names it writes it as the menu does."""
    texts = [*ROOT.glob("README.de.md"), *(ROOT / "instructors" / "de").glob("*.md"),
             *(ROOT / "notebooks" / "de").glob("*.ipynb"), *(ROOT / "exercises" / "de").rglob("*.ipynb")]
    pattern = re.compile(r"Kernel\s+neu\s+starten\s+und\s+alle\s+Zellen\s+ausführen", re.IGNORECASE)
    wrong = sorted({f"{path.relative_to(ROOT)}: {' '.join(match.group(0).split())}"
                    for path in texts for match in pattern.finditer(path.read_text(encoding="utf-8"))
                    if " ".join(match.group(0).split()) != GERMAN_RESTART_RUN_ALL})
    assert not wrong, f"write the menu entry as JupyterLab shows it, {GERMAN_RESTART_RUN_ALL!r}: {wrong}"
