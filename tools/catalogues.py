"""The PO catalogues of the translated editions, and what every kind of translated source shares.

The bottom of the translation tools; it imports no other module of tools/:

    translations.py                  the command line: make translations, make german (update, build, status, check)
      |-- notebook_translations.py   lessons and exercises: one entry per cell
      |-- document_translations.py   Markdown documents (README, guides, the site's start page): one entry per block
      |-- message_translations.py    the helper's _() messages in newscheck/, compiled to newscheck.mo
    catalogues.py                    this module: read, merge (fuzzy marking), write and check a catalogue;
                                     the paths of a source; links pointed at the translated twins

**Paths.** A source (an English notebook, document or the package's messages) and everything made from it are named
relative to the course root, as git names them: `notebooks/00_start_here.ipynb`, `locale/de/notebooks/00_start_here.po`,
`notebooks/de/00_start_here.ipynb`. `ROOT / path` is the file. Tests point ROOT at a temporary course.

**Merging** keeps translations the way msgmerge does, with keys chosen by each kind of source (a cell id, a block's
place, a message): an entry whose English is unchanged keeps its translation; one whose English changed keeps the
old translation, marked fuzzy, with the English it was made for as the previous msgid (`#| msgid`, shown by Poedit as
the "old source text"); a new entry is empty; a translated entry whose English is gone becomes obsolete (`#~`). A
file is written only when its content changes.

Reading and writing PO files: polib (it keeps fuzzy flags, msgctxt and previous msgids exactly as Poedit and
msgmerge write them).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LANGUAGE = "de"
PLURAL_FORMS = {"de": "nplurals=2; plural=(n != 1);"}
LANGUAGE_NAMES = {"de": "German"}
WRAP = 78


class Incomplete(Exception):
    """A catalogue cannot make a complete translation: an entry is missing, untranslated or fuzzy."""


# --- a translated source ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """An English file (or folder) with a catalogue. Both paths are relative: `english` to the course root,
    `catalogue` to locale/LANG/. Each kind of source says which translated files it makes (`twins`)."""

    english: Path
    catalogue: Path

    def po(self, language: str) -> Path:
        """The catalogue, relative to the course root: locale/LANG/<catalogue>."""
        return Path("locale") / language / self.catalogue

    def twins(self, language: str) -> dict[Path, Path]:
        """English course file -> its translated twin (relative to the course root); links follow this."""
        return {}


def twin(path: Path, language: str, sources: list[Source]) -> Path:
    """The translated twin of a course file (relative to the course root) if one of `sources` makes one, else the
    file itself."""
    for source in sources:
        found = source.twins(language).get(path)
        if found is not None:
            return found
    return path


# --- reading, merging and writing a catalogue ---------------------------------------------------------------------

def new_catalogue(language: str, title: str) -> polib.POFile:
    """An empty catalogue with the header and metadata the course's catalogues have."""
    po = polib.POFile(wrapwidth=WRAP)
    po.header = (f"{LANGUAGE_NAMES.get(language, language)} translation of {title} (newscheck course).\n"
                 f"Translate the msgstr of each entry; see locale/{language}/README.md and CONTRIBUTING.md. "
                 "Refresh from the English with `make translations`.")
    po.metadata = {
        "Project-Id-Version": f"newscheck course: {title}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(language, "nplurals=2; plural=(n != 1);"),
    }
    return po


def read(path: Path) -> polib.POFile:
    """The catalogue at `path` (relative to the course root, or absolute)."""
    return polib.pofile(str(ROOT / path), wrapwidth=WRAP)


def read_or_new(path: Path, language: str, title: str) -> polib.POFile:
    return read(path) if (ROOT / path).exists() else new_catalogue(language, title)


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` (relative to the course root) unless the file already holds it; True if written."""
    file = ROOT / path
    if file.exists() and file.read_text(encoding="utf-8") == text:
        return False
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return True


def _carry_over(entry: polib.POEntry, old: polib.POEntry) -> None:
    """Give `entry` (the new English) the translation of `old`; fuzzy, with the previous English, if it changed."""
    entry.msgstr = old.msgstr
    entry.msgstr_plural = dict(old.msgstr_plural)
    entry.tcomment = old.tcomment
    has_translation = bool(old.msgstr or any(old.msgstr_plural.values()))
    if old.msgid == entry.msgid and old.msgid_plural == entry.msgid_plural:
        if "fuzzy" in old.flags:  # still waiting for a translator
            entry.flags.append("fuzzy")
            entry.previous_msgid, entry.previous_msgctxt = old.previous_msgid, old.previous_msgctxt
    elif has_translation:
        entry.flags.append("fuzzy")
        # keep the English the translation was made for, also when the English changed twice
        entry.previous_msgid = old.previous_msgid if "fuzzy" in old.flags and old.previous_msgid else old.msgid
        entry.previous_msgctxt = old.msgctxt


def merge(old: polib.POFile, pairs: list[tuple[polib.POEntry, polib.POEntry | None]], gone: list[polib.POEntry],
          path: Path) -> dict[str, int]:
    """Write the catalogue at `path` anew: each new entry with the translation of its previous entry (or none), then
    the translated entries whose English is gone, kept as obsolete (msgmerge's way). The caller matched each new
    entry with its previous one. Returns counts of what changed, and whether the file was written."""
    new = polib.POFile(wrapwidth=WRAP)
    new.header, new.metadata = old.header, old.metadata
    counts = {"new": 0, "fuzzy": 0, "obsolete": 0}
    for entry, previous in pairs:
        if previous is None:
            counts["new"] += 1
        else:
            _carry_over(entry, previous)
            counts["fuzzy"] += entry.fuzzy and not previous.fuzzy
        new.append(entry)
    for entry in gone:
        counts["obsolete"] += not entry.obsolete
        entry.obsolete = True
        entry.occurrences = []
        new.append(entry)
    counts["written"] = write_if_changed(path, str(new) + "\n")
    return counts


def summary(path: Path, counts: dict[str, int]) -> str:
    """One line about a merge: `updated locale/de/... (1 new, 2 fuzzy)` or `unchanged ...`."""
    changes = [f"{counts[k]} {k}" for k in ("new", "fuzzy", "obsolete") if counts[k]]
    return f"{'updated' if counts['written'] else 'unchanged'} {Path(path).as_posix()}" + (f" ({', '.join(changes)})" if changes else "")


# --- is a catalogue complete? -----------------------------------------------------------------------------------

def problems(path: Path, expected: list[tuple[str | None, str]] | None = None) -> list[str]:
    """What keeps a catalogue from being complete: untranslated or fuzzy entries, and (given the entries the English
    needs as (msgctxt, msgid)) entries that are missing or were made for an older English text."""
    po = read(path)
    name = Path(path).as_posix()
    found = []

    def where(entry: polib.POEntry) -> str:
        first_line = entry.msgid.strip().splitlines()[0][:60] if entry.msgid.strip() else ""
        return (f"cell {entry.msgctxt}" if entry.msgctxt else "message") + f" ({first_line!r})"

    for entry in po:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            found.append(f"{name}: {where(entry)} is fuzzy: its English changed since it was translated. Compare the "
                         "English with the previous one (#| msgid; Poedit shows it as the old source text), update the "
                         "translation and remove the fuzzy flag.")
        elif not entry.translated():
            found.append(f"{name}: {where(entry)} is not translated yet. Write its msgstr.")
    if expected is not None:
        def key(context: str | None, msgid: str) -> tuple[str, str]:
            return ("cell", context) if context is not None else ("message", msgid)

        actual = {key(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
        wanted = {key(context, msgid): msgid for context, msgid in expected}
        for (kind, value), msgid in wanted.items():
            entry = actual.get((kind, value))
            first_line = msgid.strip().splitlines()[0][:60]
            if entry is None:
                found.append(f"{name}: {'cell ' + value if kind == 'cell' else 'message'} ({first_line!r}) is missing. "
                             "Run `make translations`, then translate it.")
            elif entry.msgid != msgid:
                found.append(f"{name}: cell {value} ({first_line!r}) changed in English, and the catalogue still has the "
                             "old English. Run `make translations`, then translate the entry it marks fuzzy.")
        for k, entry in actual.items():
            if k not in wanted:
                found.append(f"{name}: {where(entry)} no longer exists in English. Run `make translations`.")
    return found


# --- links in a translation ---------------------------------------------------------------------------------------

LINK = re.compile(r"(\]\()([^)\s]+)(\))")


def rewrite_links(markdown: str, english_base: Path, translated_base: Path, language: str, sources: list[Source],
                  keep: list[Path] = ()) -> str:
    """Relative links written as in the English text (whose folder is `english_base`), pointed at the translated
    twins from the translated text's folder (`translated_base`); files in `keep` are linked as they are. Folders and
    files are relative to the course root."""

    def point(match: re.Match) -> str:
        target = match.group(2)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("#", "/")):
            return match.group(0)  # web addresses, anchors, absolute paths
        path, hash_sign, anchor = target.partition("#")
        english_target = Path(os.path.normpath(english_base / path))
        target = english_target if english_target in keep else twin(english_target, language, sources)
        new = os.path.relpath(target, translated_base)
        return f"{match.group(1)}{Path(new).as_posix()}{hash_sign}{anchor}{match.group(3)}"

    return LINK.sub(point, markdown)
