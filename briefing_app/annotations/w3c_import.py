"""A W3C Web Annotation collection (as Briefing exports it) checked entry by entry before anything
is written: every value of the right kind and size, or the import is refused with a sentence naming
the entry and the field. Nothing half-imported: the store writes the lot in one transaction."""

from __future__ import annotations

import json
import os
import stat
from typing import Any

from briefing_app.annotations.colours import COLOURS
from briefing_app.annotations.model import Annotation, Selector
from briefing_app.errors import BriefingError
from briefing_app.pack.model import Pack

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 100_000
MAX_POSITION = 1_000_000_000  # far past the end of any document; SQLite's integers end at 2**63
MAX_TEXT = 100_000  # a quote or a comment
MAX_TAGS = 100
MAX_SHOWN = 5  # problems listed in the refusal; the rest are counted


class ImportError_(BriefingError):
    """The file cannot be imported; str() says why."""


class _Bad(Exception):
    """One field of one entry is wrong; the message names the field."""


def read_collection(path: str) -> Any:
    """The JSON in the file at `path`, which must be a regular file of sensible size (a FIFO or
    /dev/zero would block or fill memory)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ImportError_(f"{path} is not a regular file; nothing was imported.")
        if info.st_size > MAX_FILE_BYTES:
            raise ImportError_(
                f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; nothing was imported."
            )
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        return json.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise ImportError_(f"{path} cannot be read ({exc.strerror}); nothing was imported.") from None
    except UnicodeDecodeError:
        raise ImportError_(
            f"{path} is not UTF-8 text, so not an annotations export; nothing was imported."
        ) from None
    except ValueError as exc:
        raise ImportError_(f"{path} is not valid JSON ({exc}); nothing was imported.") from None
    except RecursionError:
        raise ImportError_(
            f"{path} is nested too deeply to be an annotations export; nothing was imported."
        ) from None


def parse_collection(pack: Pack, data: Any, collection: str) -> list[Annotation]:
    """Every annotation in `data`, or ImportError_ naming each entry that is not one."""
    if not isinstance(data, dict) or data.get("type") != "AnnotationCollection":
        raise ImportError_("This file is not a Briefing annotations export (no annotation collection in it).")
    if data.get("id") != collection:
        other = data.get("label") or data.get("id")
        other = other if isinstance(other, str) and other else "another pack"
        raise ImportError_(
            f"These annotations belong to another pack ({other[:80]}), not to “{pack.title}”; "
            "nothing was imported."
        )
    page = data.get("first")
    items = page.get("items") if isinstance(page, dict) else None
    if not isinstance(items, list):
        raise ImportError_("The file has no list of annotations (first.items); nothing was imported.")
    if len(items) > MAX_ITEMS:
        raise ImportError_(f"The file holds more than {MAX_ITEMS:,} annotations; nothing was imported.")
    out, bad = [], []
    for i, item in enumerate(items):
        try:
            out.append(_annotation(pack, item))
        except _Bad as exc:
            bad.append(f"entry {i + 1}{_named(item)}: {exc}")
    if bad:
        more = f" (and {len(bad) - MAX_SHOWN} more)" if len(bad) > MAX_SHOWN else ""
        raise ImportError_("Nothing was imported: " + "; ".join(bad[:MAX_SHOWN]) + more + ".")
    return out


def _named(item: Any) -> str:
    name = item.get("id") if isinstance(item, dict) else None
    return f" ({name[:60]})" if isinstance(name, str) and name else ""


def _annotation(pack: Pack, item: Any) -> Annotation:
    if not isinstance(item, dict):
        raise _Bad("an annotation must be an object, not " + _kind(item))
    if item.get("type", "Annotation") != "Annotation":
        raise _Bad("'type' must be \"Annotation\"")
    annotation_id = _text(item, "id", required=True, limit=200).removeprefix("urn:uuid:")
    if not annotation_id:
        raise _Bad("'id' is empty")
    target = _object(item, "target")
    source = _text(target, "source", required=True, where="target.", limit=1000)
    doc = source.rsplit(":doc:", 1)[1] if ":doc:" in source else ""
    if not doc:
        raise _Bad(f"'target.source' names no document ({source[:60]})")
    selectors = target.get("selector")
    selectors = [selectors] if isinstance(selectors, dict) else selectors
    if not isinstance(selectors, list) or not all(isinstance(s, dict) for s in selectors):
        raise _Bad("'target.selector' must be a list of selectors")
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is None:
        raise _Bad("there is no TextQuoteSelector (the quoted words) in 'target.selector'")
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), {})
    block = target.get("briefing:block", {})
    if not isinstance(block, dict):
        raise _Bad("'target.briefing:block' must be an object")
    selector = Selector(
        doc=doc,
        block=_text(block, "id", where="target.briefing:block.", limit=200),
        start=_position(block, "start", "target.briefing:block."),
        end=_position(block, "end", "target.briefing:block."),
        quote=_text(quote, "exact", required=True, where="TextQuoteSelector.", limit=MAX_TEXT),
        prefix=_text(quote, "prefix", where="TextQuoteSelector.", limit=MAX_TEXT),
        suffix=_text(quote, "suffix", where="TextQuoteSelector.", limit=MAX_TEXT),
        position_start=_position(position, "start", "TextPositionSelector."),
        position_end=_position(position, "end", "TextPositionSelector."),
        doc_hash=_text(block, "docHash", where="target.briefing:block.", limit=200),
    )
    colour, comment, tags = _bodies(item.get("body", []))
    return Annotation(
        annotation_id,
        pack.id,
        selector,
        colour,
        comment,
        tags,
        _text(item, "created", limit=100),
        _text(item, "modified", limit=100),
    )


def _bodies(bodies: Any) -> tuple[str, str, tuple[str, ...]]:
    bodies = [bodies] if isinstance(bodies, dict) else bodies
    if not isinstance(bodies, list) or not all(isinstance(b, dict) for b in bodies):
        raise _Bad("'body' must be a list of objects")
    colour, comment, tags = "yellow", "", []
    for body in bodies:
        purpose = body.get("purpose")
        label = purpose[:20] if isinstance(purpose, str) else "?"
        value = _text(body, "value", where=f"body ({label}).", limit=MAX_TEXT)
        if purpose == "highlighting":
            if value not in COLOURS:
                raise _Bad(f"'{value[:20]}' is not a highlight colour (use one of {', '.join(COLOURS)})")
            colour = value
        elif purpose == "commenting":
            comment = value
        elif purpose == "tagging":
            if len(value) > 200:
                raise _Bad("a tag is longer than 200 characters")
            tags.append(value)
    if len(tags) > MAX_TAGS:
        raise _Bad(f"more than {MAX_TAGS} tags")
    return colour, comment, tuple(tags)


def _object(data: dict, key: str) -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        raise _Bad(f"'{key}' must be an object, not {_kind(value)}")
    return value


def _text(data: dict, key: str, *, required: bool = False, where: str = "", limit: int) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _Bad(f"'{where}{key}' must be text, not {_kind(value)}")
    if required and not value:
        raise _Bad(f"'{where}{key}' is empty")
    if len(value) > limit:
        raise _Bad(f"'{where}{key}' is longer than {limit:,} characters")
    if "\0" in value:
        raise _Bad(f"'{where}{key}' holds a NUL character")
    return value


def _position(data: dict, key: str, where: str) -> int:
    value = data.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"'{where}{key}' must be a whole number, not {_kind(value)}")
    if not 0 <= value <= MAX_POSITION:
        raise _Bad(f"'{where}{key}' is out of range ({str(value)[:20]})")
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
