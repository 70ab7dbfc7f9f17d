"""A comparison as Markdown or HTML for the meeting pack (PDF is made from the HTML by the GUI layer)."""

from __future__ import annotations

from briefing_app.compare.diff import changed_ranges
from briefing_app.compare.model import Comparison, Quote, Row
from briefing_app.markup import escape
from briefing_app.pack.location import cite_location
from briefing_app.pack.model import Pack


def where(pack: Pack, q: Quote) -> str:
    """Where a quote sits, as a meeting would cite it."""
    doc = pack.document(q.doc)
    return cite_location(doc, q.block) if doc is not None else q.doc


def provenance(col) -> str:
    return "; ".join(x for x in (col.source, col.date, col.paper) if x)


def base_quote(comparison: Comparison, row: Row) -> Quote | None:
    """The wording other cells are compared with: the first quote of the first column."""
    first = row.cell(comparison.columns[0].id).quotes
    return first[0] if first else None


def differences(comparison: Comparison, row: Row, quote: Quote) -> list[tuple[int, int]]:
    base = base_quote(comparison, row)
    if base is None or quote is base:
        return []
    return changed_ranges(base.text, quote.text)[1]


def to_markdown(comparison: Comparison, pack: Pack) -> str:
    lines = [f"# {comparison.title}", ""]
    if comparison.description:
        lines += [comparison.description, ""]
    for col in comparison.columns:
        lines.append(f"- **{col.title}**: {provenance(col)}")
    lines += ["", "Words that differ from the first column are in **bold**.", ""]
    for row in comparison.rows:
        lines += [f"## {row.label} [{row.badge}]", ""]
        if row.note:
            lines += [row.note, ""]
        for col in comparison.columns:
            quotes = row.cell(col.id).quotes
            if not quotes:
                lines.append(f"- *{col.title}*: (no counterpart)")
            for q in quotes:
                marked = _md_marked(q.text, differences(comparison, row, q))
                lines.append(f"- *{col.title}*: “{marked}” ({where(pack, q)})")
        for q in row.evidence:
            lines.append(f"- Evidence: “{q.text}” ({where(pack, q)})")
        lines.append("")
    return "\n".join(lines)


def to_html(comparison: Comparison, pack: Pack) -> str:
    head = "".join(
        f"<th>{escape(c.title)}<br><small>{escape(provenance(c))}</small></th>" for c in comparison.columns
    )
    rows = []
    for row in comparison.rows:
        cells = []
        for col in comparison.columns:
            quotes = row.cell(col.id).quotes
            if not quotes:
                cells.append("<td><i>no counterpart</i></td>")
                continue
            cells.append(
                "<td>"
                + "".join(
                    f"<p>“{_html_marked(q.text, differences(comparison, row, q))}”<br>"
                    f"<small>{escape(where(pack, q))}</small></p>"
                    for q in quotes
                )
                + "</td>"
            )
        evidence = "".join(
            f"<li>“{escape(q.text)}” <small>({escape(where(pack, q))})</small></li>" for q in row.evidence
        )
        note = f"<p>{escape(row.note)}</p>" if row.note else ""
        rows.append(
            f"<tr><th>{escape(row.label)}<br><span class='badge'>{escape(row.badge)}</span></th>"
            f"{''.join(cells)}</tr>"
            + (
                f"<tr><td></td><td colspan='{len(comparison.columns)}'>{note}<ul>{evidence}</ul></td></tr>"
                if note or evidence
                else ""
            )
        )
    description = f"<p>{escape(comparison.description)}</p>" if comparison.description else ""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(comparison.title)}</title>"
        "<style>body{font-family:serif} table{border-collapse:collapse;width:100%} "
        "td,th{border:1px solid #999;padding:4px;vertical-align:top;text-align:left} "
        "b.diff{background:#ffe08a} .badge{border:1px solid #555;padding:0 4px;font-size:small}</style>"
        f"</head><body><h1>{escape(comparison.title)}</h1>{description}"
        "<p>Words that differ from the first column are marked.</p>"
        f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table></body></html>"
    )


def render(comparison: Comparison, pack: Pack, fmt: str) -> str:
    """The comparison as Markdown ("md") or as an HTML page (anything else: PDFs are laid out from it)."""
    return to_markdown(comparison, pack) if fmt == "md" else to_html(comparison, pack)


def _md_marked(text: str, ranges: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for s, e in ranges:
        out += [text[pos:s], f"**{text[s:e]}**"]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _html_marked(text: str, ranges: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for s, e in ranges:
        out += [escape(text[pos:s]), f"<b class='diff'>{escape(text[s:e])}</b>"]
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)
