"""Estimate how long a learner takes for each step of each lesson and each exercise task, from what is in it.

Usage: python tools/lesson_times.py [--details]        (make times)

Nobody can time a class from a notebook, but a notebook says how much there is to do: words to read, lines of code
to read and run, outputs and figures to look at, **Think:** questions to answer, things to write, and in an
exercise lines of code to write and checks to pass. This script counts them per step (a `## Step` heading in a
lesson, a `## Task` heading in an exercise) and turns the counts into minutes for two learners:

- `school`: a 16-year-old who has never used Python, in class, reading at 150 words a minute;
- `student`: a first-year university student, new to Python, reading at 200 words a minute.

The rates are in `PERSONAS` below, each with where it comes from. Reading rates: adults read English non-fiction
silently at 238 words a minute on average (175-300 for most; slower for younger readers and in a second language:
Brysbaert 2019, "How many words do we read per minute?", Journal of Memory and Language 109, 104047); reading to
learn is slower than reading a newspaper. Everything else (seconds per line of code, minutes per question) is
our judgement from working through the course, and the total is calibrated against the one timed walkthrough we
have: a first-year student took about 6.5 hours for all lessons and exercises (issue 21). `FRICTION` scales the
counted minutes up to that (scrolling back, re-reading, typos, waiting for a kernel); the same factor is applied to
the 16-year-old, who will not have less of it.

A lesson's opening cell states its core path and going-further times (CONTRIBUTING.md, *Core path and going
further*): the core path is this script's `school` figure rounded up to 5 minutes, a going-further step its figure
rounded to 5 minutes (at least 5), and the lesson's going-further time the sum of its steps. An exercise states the
`school` figure for all its tasks, rounded up to 5 minutes. The table prints what each notebook states beside the
estimate: re-run it after changing a lesson or an exercise, and update the stated times where they differ.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PERSONAS = {
    "school": {
        "prose_wpm": 150,        # a 16-year-old reading to learn (Brysbaert 2019: slower than the adult 238)
        "output_wpm": 225,       # outputs are skimmed for what the prose points to: 1.5 x prose
        "code_line_s": 20,       # reading one line of code without knowing Python
        "run_cell_s": 5,         # click, Shift + Enter, wait
        "figure_s": 60,          # looking at a figure (its description is counted as prose)
        "think_min": 3,          # a **Think:** question, answered in pairs or written down
        "write_code_line_s": 75,  # exercises: working out and typing one line of a solution
        "check_min": 1.5,        # exercises: running a check and acting on its feedback (one retry on average)
        "open_answer_min": 5,    # exercises: writing an open answer and comparing it with the model answer
        "lesson_start_min": 2,   # opening a notebook, reading where you are
    },
    "student": {
        "prose_wpm": 200,
        "output_wpm": 300,
        "code_line_s": 10,
        "run_cell_s": 5,
        "figure_s": 45,
        "think_min": 2,
        "write_code_line_s": 45,
        "check_min": 1,
        "open_answer_min": 4,
        "lesson_start_min": 1,
    },
}
# Counted minutes are multiplied by this (see the docstring): calibrated so that the student's whole course as the
# walkthrough found it (every step of lessons 00-06 and exercises 01-06 at commit 1ff1950, before the core paths were
# marked) comes to about 390 minutes, the time the walkthrough took. Later versions of the course are not re-fitted.
FRICTION = 1.35
# Writing a learner does in a lesson beyond **Think:** questions: (lesson, text in the cell) -> minutes per persona.
WRITING = [
    ("01", "*My first impression:*", {"school": 5, "student": 4}),
    ("01", "| **Who** says what? |", {"school": 6, "student": 4}),
]
STEP = re.compile(r"^## (?:Step \d+|Task \d+|[A-Z])", re.MULTILINE)
# What a notebook states (CONTRIBUTING.md, Core path and going further); tests/test_lessons.py holds every notebook to
# these. A lesson's opening: core minutes, core steps, going-further minutes, going-further steps.
STATED_LESSON = re.compile(r"\*\*Time:\*\* core path (\d+) min \((?:Steps? ([^)]*)|the whole notebook)\)"
                           r"(?: · going further \+(\d+) min \(Steps? ([^)]*)\))?")
STATED_EXERCISE = re.compile(r"\*\*Time:\*\* (\d+) min")  # an exercise's opening: minutes for all its tasks
# A lesson's step heading: its number, and its minutes if it is a going-further step.
STEP_HEADING = re.compile(r"^## Step (\d+)( \(going further, (\d+) min\))? · ", re.MULTILINE)
WORD = re.compile(r"[\w'’.,%-]+")


@dataclass
class Step:
    heading: str
    further: bool = False
    prose_words: int = 0
    output_words: int = 0
    code_lines: int = 0
    cells_run: int = 0
    figures: int = 0
    thinks: int = 0
    writing: dict = field(default_factory=dict)
    solution_lines: int = 0
    checks: int = 0
    open_answers: int = 0

    def minutes(self, persona: str) -> float:
        p = PERSONAS[persona]
        seconds = (self.prose_words / p["prose_wpm"] * 60 + self.output_words / p["output_wpm"] * 60
                   + self.code_lines * p["code_line_s"] + self.cells_run * p["run_cell_s"] + self.figures * p["figure_s"]
                   + self.solution_lines * p["write_code_line_s"])
        minutes = seconds / 60 + self.thinks * p["think_min"] + self.writing.get(persona, 0)
        minutes += self.checks * p["check_min"] + self.open_answers * p["open_answer_min"]
        return minutes * FRICTION


def _words(text: str) -> int:
    """Words a reader reads: a link's address and HTML tags are not read."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(WORD.findall(text))


def _output_text(cell: dict) -> str:
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append("".join(output["text"]))
        elif "image/png" not in output.get("data", {}):
            texts.append("".join(output.get("data", {}).get("text/plain", "")))
    return "\n".join(texts)


def steps_of(path: Path, lesson: str, exercise: bool = False) -> list[Step]:
    """Split a notebook into its steps (the text before the first step heading is the opening) and count each."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    steps = [Step("opening")]
    for cell in cells:
        source = "".join(cell["source"])
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] == "markdown":
            # a heading may start in the middle of a cell: the text before it belongs to the step before
            pieces = re.split(r"(?m)^(?=## )", source)
            for piece in pieces:
                if STEP.match(piece):
                    heading = piece.splitlines()[0]
                    marked = STEP_HEADING.match(heading)
                    steps.append(Step(heading, further=bool(marked and marked.group(2))))
                step = steps[-1]
                if exercise and "<summary>A model answer" in piece:
                    continue  # read after answering; counted in open_answer_min
                step.prose_words += _words(piece)
                step.thinks += len(re.findall(r"(?m)^\*\*Think:\*\*", piece))
                step.open_answers += piece.count("*Your answer (double-click to edit):*")
                for name, marker, minutes in WRITING:
                    if name == lesson and marker in piece:
                        step.writing = minutes
        else:
            step = steps[-1]
            if exercise and "stub" in tags:
                continue
            if exercise and "solution" in tags:
                step.solution_lines += len([line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")])
                continue
            if exercise and source.startswith("check("):
                step.checks += 1
                continue
            step.code_lines += len([line for line in source.splitlines() if line.strip()])
            step.cells_run += 1
            step.output_words += _words(_output_text(cell))
            step.figures += sum("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
    return steps


def round_up(minutes: float, to: int = 5) -> int:
    return int(math.ceil(minutes / to) * to)


def stated(path: Path) -> str:
    """What the notebook's opening cell states: 'core + further' for a lesson, the time of an exercise."""
    opening = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
    lesson = STATED_LESSON.search(opening)
    if lesson:
        return lesson.group(1) + (f" + {lesson.group(3)}" if lesson.group(3) else "")
    exercise = STATED_EXERCISE.search(opening)
    return exercise.group(1) if exercise else "?"


def report(details: bool) -> int:
    totals = {"school": 0.0, "student": 0.0}
    print("| notebook | core path, 16-year-old | going further, 16-year-old | core path, first-year student | "
          "going further, first-year student | stated (min) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    rows = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        rows.append((path.name, steps_of(path, path.name[:2]), path))
    for path in sorted((ROOT / "exercises" / "source").glob("[0-9][0-9]_*.ipynb")):
        rows.append(("exercises/" + path.name, steps_of(path, path.name[:2], exercise=True), path))
    for name, steps, path in rows:
        core = {p: sum(s.minutes(p) for s in steps if not s.further) for p in PERSONAS}
        further = {p: sum(s.minutes(p) for s in steps if s.further) for p in PERSONAS}
        for p in PERSONAS:
            totals[p] += core[p] + further[p] + PERSONAS[p]["lesson_start_min"] * FRICTION
            core[p] += PERSONAS[p]["lesson_start_min"] * FRICTION
        print(f"| {name} | {core['school']:.0f} | {further['school']:.0f} | {core['student']:.0f} | {further['student']:.0f} "
              f"| {stated(path)} |")
        if details:
            for step in steps:
                school, student = f"{step.minutes('school'):.1f}", f"{step.minutes('student'):.1f}"
                cells = ["", school, "", student, ""] if step.further else [school, "", student, "", ""]
                print(f"| &nbsp;&nbsp;{step.heading[:70]} | " + " | ".join(cells) + " |")
    print(f"\nEverything (all steps of every lesson and every exercise): 16-year-old {totals['school']:.0f} min, "
          f"first-year student {totals['student']:.0f} min (FRICTION = {FRICTION}, calibrated on the course as the 6.5 h walkthrough found it).")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="one line per step")
    return report(parser.parse_args().details)


if __name__ == "__main__":
    sys.exit(main())
