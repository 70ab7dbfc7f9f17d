"""`briefing-app pack new` and `pack add`: a pack folder from PDF papers, and a supplement added to it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(pack_sub) -> None:
    """The `pack new` and `pack add` sub-commands, on the `pack` command's sub-parsers."""
    new = pack_sub.add_parser(
        "new", help="make a pack folder from PDF papers (copies them; pack.yaml from them)"
    )
    new.add_argument("dir", metavar="DIR", help="the new pack's folder (new or empty)")
    new.add_argument("files", metavar="FILE.pdf", nargs="+", type=Path)
    new.add_argument("--title", metavar="T", help="the pack's title (default: from the folder's name)")
    new.add_argument("--meeting", metavar="M", help='the meeting, e.g. "Cabinet, 30 January 2025"')
    add = pack_sub.add_parser("add", help="add PDF papers (a supplement) to a pack folder")
    add.add_argument("dir", metavar="DIR")
    add.add_argument("files", metavar="FILE.pdf", nargs="+", type=Path)


def run(args: argparse.Namespace) -> int:
    """Make or grow the pack; print each paper written. A BriefingError reaches cli.main's handler."""
    from briefing_app.pack.create import add_papers, new_pack

    folder = Path(args.dir)
    if args.action == "new":
        added = new_pack(folder, args.files, title=args.title, meeting=args.meeting)
    else:
        added = add_papers(folder, args.files)
    for entry in added:
        print(f"{entry.id}: {entry.title}" + (f" ({entry.date})" if entry.date else ""))
        if entry.problem:
            print(f"briefing-app: {entry.file}: {entry.problem}", file=sys.stderr)
    verb = "made" if args.action == "new" else "added to"
    print(
        f"{len(added)} paper{'s' if len(added) != 1 else ''} {verb} {folder / 'pack.yaml'}", file=sys.stderr
    )
    return 1 if any(e.problem for e in added) else 0
