"""A generated pack of about 10 MB of text, built from the bundled pack's own paragraphs.

Paragraphs are sampled with a fixed seed and a share of their words replaced by invented ones,
so the vocabulary grows the way a real large pack's does (tens of thousands of distinct words)
rather than repeating the bundled pack's few thousand.
"""

from __future__ import annotations

import random
from pathlib import Path

from briefing_app.pack import Pack, load_pack
from briefing_app.paths import bundled_pack_dir

SEED = 20120312


def _invented_words(rng: random.Random, n: int) -> list[str]:
    syllables = (
        "ba be bi bo bu ca co cu da de di do fa fe fi fo ga ge go la le li lo lu "
        "ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi"
    ).split()
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_pack(target: Path, megabytes: float = 10.0, documents: int = 40) -> Pack:
    source = load_pack(bundled_pack_dir())
    paragraphs = [
        b.text
        for d in source.documents
        for b in d.blocks
        if b.kind in ("paragraph", "list_item") and len(b.text) > 80
    ]
    rng = random.Random(SEED)
    invented = _invented_words(rng, 40_000)
    target.mkdir(parents=True, exist_ok=True)
    (target / "documents").mkdir(exist_ok=True)
    per_doc = int(megabytes * 1_000_000 / documents)
    manifest = ["id: synthetic", "title: Generated pack for benchmarks", "documents:"]
    for n in range(documents):
        lines = [f"# Generated paper {n + 1}", ""]
        size = 0
        section = 0
        while size < per_doc:
            if size // 20_000 >= section:
                section += 1
                lines += [f"## {section} Section {section} of paper {n + 1}", ""]
            words = rng.choice(paragraphs).split()
            for i in range(len(words)):
                if rng.random() < 0.06:
                    words[i] = rng.choice(invented)
            text = " ".join(words)
            lines += [text, ""]
            size += len(text) + 2
        name = f"paper-{n + 1:02d}.md"
        (target / "documents" / name).write_text("\n".join(lines), encoding="utf-8")
        manifest += [
            f"  - id: paper-{n + 1:02d}",
            f"    file: documents/{name}",
            f"    title: Generated paper {n + 1}",
        ]
    (target / "pack.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return load_pack(target)
