"""Every relative link in the README, the guides, the lessons and the exercises points at a file that exists."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)\s]+)\)")
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "instructors").glob("*.md")),
             *sorted((ROOT / "notebooks").glob("*.ipynb")), *sorted((ROOT / "exercises").glob("*.ipynb")),
             # the German edition: its README, guides and generated notebooks (links rewritten by `make german`)
             *sorted(ROOT.glob("*.de.md")), *sorted((ROOT / "locale").rglob("*.md")), *sorted((ROOT / "exercises" / "de").glob("*.md")),
             *sorted((ROOT / "instructors" / "de").glob("*.md")), *sorted((ROOT / "book").rglob("*.md")),
             *sorted((ROOT / "notebooks" / "de").glob("*.ipynb")), *sorted((ROOT / "exercises" / "de").glob("*.ipynb"))]


def markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(document):
    broken = []
    for target in LINK.findall(markdown_of(document)):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue  # web addresses and anchors
        if not (document.parent / target.split("#")[0]).exists():
            broken.append(target)
    assert not broken, f"{document.relative_to(ROOT)}: links to missing files: {broken}"


def test_the_readme_links_every_lesson():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lesson in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert f"(notebooks/{lesson.name})" in readme, f"README.md does not link {lesson.name}"


def test_the_german_readme_links_every_lesson_in_german_where_it_exists():
    """README.de.md is generated (`make german`): each lesson's link goes to its German twin, or to the English
    lesson while there is none."""
    readme = (ROOT / "README.de.md").read_text(encoding="utf-8")
    for lesson in sorted((ROOT / "notebooks").glob("*.ipynb")):
        german = ROOT / "notebooks" / "de" / lesson.name
        target = f"notebooks/de/{lesson.name}" if german.exists() else f"notebooks/{lesson.name}"
        assert f"]({target})" in readme, f"README.de.md does not link {target}"
    assert "(README.de.md)" in (ROOT / "README.md").read_text(encoding="utf-8"), "README.md does not point to README.de.md"
