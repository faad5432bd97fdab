"""The parts a report document is made of; plain data, no rendering."""

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Paragraph:
    text: str
    muted: bool = False


@dataclass
class Table:
    headers: list[str]
    rows: list[list]
    numeric: frozenset[int] = frozenset()  # columns aligned right
    # A row whose only cell is a group label spans the whole table (a category heading).
    group_rows: frozenset[int] = frozenset()


@dataclass
class Chart:
    """An SVG drawing (PDF only) with the table of its numbers (PDF and DOCX)."""

    svg: str
    table: Table


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    number: str = ""  # "2" or "2.3", set by Document.numbered()


@dataclass
class Approval:
    """«Утверждаю» and «Согласовано»: who signs, their position, the date, a place to sign."""

    approve_position: str
    approve_name: str
    agree_position: str = ""
    agree_name: str = ""
    signed_on: date | None = None


@dataclass
class Document:
    title: str
    centre: str
    subtitle: list[str] = field(default_factory=list)  # period, school, data date…
    approval: Approval | None = None
    sections: list[Section] = field(default_factory=list)

    def numbered(self) -> "Document":
        """Number the sections and their subsections (1, 1.1, 1.2, 2 …)."""
        for i, section in enumerate(self.sections, start=1):
            section.number = str(i)
            for j, sub in enumerate(section.subsections, start=1):
                sub.number = f"{i}.{j}"
        return self

    def headings(self) -> list[str]:
        """Every numbered heading, as both copies print it."""
        found = []
        for section in self.sections:
            found.append(f"{section.number}. {section.title}")
            found += [f"{sub.number}. {sub.title}" for sub in section.subsections]
        return found
