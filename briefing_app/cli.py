"""Command line: sub-commands for scripting and checks; the window when none is given."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from briefing_app import __version__
from briefing_app.errors import BriefingError


def _common() -> argparse.ArgumentParser:
    # Global options are accepted before or after the sub-command; SUPPRESS keeps one from
    # overwriting the other with its default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--pack", metavar="DIR", default=argparse.SUPPRESS, help="pack folder (default: the bundled pack)"
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder for your annotations and settings",
    )
    return common


WINDOW_VALUE_OPTIONS = ("--pack", "--data-dir", "--doc", "--screenshot")
WINDOW_FLAGS = ("--startup-report",)


def window_only(argv: list[str]) -> bool:
    """True when `argv` can only mean "open the window": no sub-command, no help or version."""
    wants_value = False
    for arg in argv:
        if wants_value:
            wants_value = False
        elif arg in WINDOW_VALUE_OPTIONS:
            wants_value = True
        elif arg not in WINDOW_FLAGS and arg.split("=", 1)[0] not in WINDOW_VALUE_OPTIONS:
            return False
    return not wants_value


def window_namespace(argv: list[str]) -> argparse.Namespace | None:
    """What build_parser(commands=False) makes of a window-only `argv`, without argparse, whose
    first message lookup loads gettext's locale tables (about 3 ms of start-up). None when `argv`
    is anything else, or anything argparse would have to explain: that goes through argparse."""
    if not window_only(argv):
        return None
    values: dict[str, object] = {"doc": None, "startup_report": False, "screenshot": None, "command": None}
    args = iter(argv)
    for arg in args:
        if arg in WINDOW_FLAGS:
            values[arg[2:].replace("-", "_")] = True
            continue
        name, has_value, value = arg.partition("=")
        if not has_value:
            value = next(args)
            if value.startswith("-"):
                return None  # argparse says the value is missing
        values[name[2:].replace("-", "_")] = value
    return argparse.Namespace(**values)


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only the window's options (quicker to build)."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="briefing-app",
        description="Briefing: read, search and annotate a board briefing pack, offline.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"briefing-app {__version__}")
    parser.add_argument("--doc", metavar="ID", help="open at this document")
    parser.add_argument(
        "--startup-report",
        action="store_true",
        help="print when the window first painted and the memory in use, then quit",
    )
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="render the main window offscreen to a PNG and exit"
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    inspect = sub.add_parser("inspect", parents=[common], help="print the document model of the pack")
    inspect.add_argument("--json", action="store_true", help="print JSON (the default is a readable summary)")
    search = sub.add_parser("search", parents=[common], help="search the pack")
    search.add_argument("query", help='words, "phrases", OR, NOT or -word, doc:ID, prefix*, fuzzy~')
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    search.add_argument("--json", action="store_true", help="print JSON")
    sub.add_parser("index", parents=[common], help="build the search index of the pack")
    compare = sub.add_parser("compare", parents=[common], help="print or export the pack's comparisons")
    compare.add_argument("id", nargs="?", help="only this comparison")
    compare.add_argument("--json", action="store_true", help="print JSON")
    compare.add_argument(
        "--export", metavar="FILE", help="write FILE.html, FILE.md or FILE.pdf (one comparison)"
    )
    notes = sub.add_parser("annotations", parents=[common], help="your highlights and comments")
    notes_sub = notes.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = notes_sub.add_parser("add", parents=[common], help="annotate a passage (prints the new id)")
    add.add_argument("--doc", required=True, metavar="ID")
    add.add_argument("--quote", required=True, metavar="TEXT", help="the exact words to mark")
    add.add_argument("--comment", default="", metavar="TEXT")
    add.add_argument("--tag", action="append", default=[], metavar="T")
    add.add_argument("--colour", "--color", default="yellow", metavar="NAME")
    lst = notes_sub.add_parser("list", parents=[common], help="list the pack's annotations")
    lst.add_argument("--json", action="store_true")
    exp = notes_sub.add_parser("export", parents=[common], help="write a briefing note or a W3C JSON file")
    exp.add_argument("--format", required=True, choices=("md", "html", "pdf", "json"))
    exp.add_argument("--out", required=True, metavar="FILE")
    imp = notes_sub.add_parser("import", parents=[common], help="merge a colleague's W3C JSON export")
    imp.add_argument("file", metavar="FILE")
    pack_cmd = sub.add_parser("pack", parents=[common], help="work with a pack folder")
    pack_sub = pack_cmd.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = pack_sub.add_parser("check", help="validate a pack: manifest, documents, comparisons, quotes")
    check.add_argument("dir", metavar="DIR")
    from briefing_app import cli_pack

    cli_pack.add_commands(pack_sub)
    cites = sub.add_parser("citations", parents=[common], help="print the notes with their parsed citations")
    cites.add_argument("--doc", metavar="ID", help="only this document")
    cites.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Building every sub-command's parser costs the window's start-up ~12 ms it does not need.
    args = window_namespace(argv) or build_parser(commands=not window_only(argv)).parse_args(argv)
    if getattr(args, "data_dir", None):
        os.environ["BRIEFING_DATA_DIR"] = str(Path(args.data_dir).resolve())
    try:
        if args.command == "inspect":
            return _inspect(args)
        if args.command == "pack" and args.action != "check":
            from briefing_app import cli_pack

            return cli_pack.run(args)
        if args.command == "pack":
            return _pack_check(Path(args.dir))
        if args.command == "annotations":
            from briefing_app import cli_annotations

            return cli_annotations.run(args, _pack_dir(args))
        if args.command == "compare":
            from briefing_app import cli_compare

            return cli_compare.run(args, _pack_dir(args))
        if args.command == "citations":
            return _citations(args)
        if args.command in ("search", "index"):
            from briefing_app import cli_search

            return cli_search.run(args, _pack_dir(args))
        from briefing_app.app import run_gui

        return run_gui(
            pack_dir=_pack_dir(args),
            screenshot=args.screenshot,
            doc_id=args.doc,
            startup_report=args.startup_report,
        )
    except BriefingError as exc:
        print(f"briefing-app: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _pack_dir(args: argparse.Namespace) -> Path:
    from briefing_app.paths import bundled_pack_dir

    pack = getattr(args, "pack", None)
    return Path(pack) if pack else bundled_pack_dir()


def _pack_check(root: Path) -> int:
    """Every problem, then every warning, as `path:line: message`; exit 1 on problems, 0 otherwise
    (warnings say where a reader probably went wrong; they do not fail the check)."""
    from briefing_app.compare import load_comparisons
    from briefing_app.errors import PackError
    from briefing_app.pack import load_pack
    from briefing_app.pack.checks import document_warnings, location
    from briefing_app.pack.model import Problem

    try:
        pack = load_pack(root)
    except PackError as exc:
        print(location(Problem(exc.file, exc.line, exc.message)))
        return 1
    _, comparison_problems = load_comparisons(pack)
    problems = [*pack.problems, *comparison_problems]
    warnings = [w for doc in pack.documents for w in document_warnings(doc)]
    for p in [*problems, *warnings]:
        print(location(p))
    print(
        f"{len(pack.documents)} documents and {len(pack.comparisons)} comparison files checked: "
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''}, "
        f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}.",
        file=sys.stderr,
    )
    return 1 if problems else 0


def _citations(args: argparse.Namespace) -> int:
    from briefing_app.pack import load_pack
    from briefing_app.pack.citations import describe, parse_citations

    pack = load_pack(_pack_dir(args))
    docs = pack.documents
    if args.doc:
        docs = tuple(d for d in docs if d.id == args.doc)
        if not docs:
            print(f"briefing-app: there is no document '{args.doc}' in this pack", file=sys.stderr)
            return 2
    out = []
    for doc in docs:
        notes = []
        parsed = {n.key: parse_citations(n.text) for n in doc.notes}
        for note in doc.notes:
            citations = parsed[note.key]
            repeated = (parsed.get(note.ibid_of or "") or [None])[0]
            notes.append(
                {
                    "key": note.key,
                    "label": note.label,
                    "status": note.status,
                    "text": note.text,
                    "ibid_of": note.ibid_of,
                    "citations": [c.to_dict() for c in citations],
                    "words": "; ".join(describe(c, repeated) for c in citations),
                }
            )
        out.append({"id": doc.id, "remarks": list(doc.remarks), "notes": notes})
    if args.json:
        json.dump({"documents": out}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for doc in out:
        print(doc["id"])
        for remark in doc["remarks"]:
            print(f"  ({remark})")
        for n in doc["notes"]:
            status = "" if n["status"] == "defined" else f" [{n['status']}]"
            print(f"  {n['label']:>3}{status} {n['words'] or 'not in this copy of the document'}")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    from briefing_app.pack import load_pack
    from briefing_app.pack.export import pack_to_dict

    pack = load_pack(_pack_dir(args))
    data = pack_to_dict(pack)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{pack.title} ({pack.id})")
    for doc in data["documents"]:
        numbered = sum(1 for b in doc["blocks"] if b["number"])
        missing = sum(1 for n in doc["notes"] if n["status"] == "missing")
        print(
            f"  {doc['id']}: {doc['format']}, {len(doc['blocks'])} blocks, {numbered} numbered paragraphs, "
            f"{len(doc['notes'])} notes ({missing} not in this copy)"
        )
    for p in pack.problems:
        print(f"  problem: {p}")
    return 0
