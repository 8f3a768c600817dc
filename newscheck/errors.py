"""The one error type the course raises for files a learner or maintainer can fix."""

from __future__ import annotations


class CourseFileError(Exception):
    """A course file is missing, unreadable or malformed.

    The message has three parts: what happened, where (file, row, column) and what to do.
    """

    def __init__(
        self,
        file: str,
        problem: str,
        fix: str,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.problem = problem
        self.fix = fix
        self.row = row
        self.column = column
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem} {fix}")
