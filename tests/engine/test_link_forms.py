"""The checks find the addresses a page writes with one pattern per form (checks/targets.scan),
which must find exactly what one pattern of all the forms finds: compared here with that one
pattern on many pages made of the pieces links are written with."""

from __future__ import annotations

import random
import re

from parksite.checks import project, targets

# The single patterns the forms replace (as they were), each address in group 2.
ONE_PATTERN_TARGETS = re.compile(
    r"""(\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|\b(?:href|src)\s*=\s*["']?)([^\s)"'>]+)""", re.M
)
ONE_PATTERN_LINKS = re.compile(
    r"""(?:(!)?\[[^\]\n]*\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)([^\s)"'>]+)""", re.M
)
PIECES = [
    "[", "]", "(", ")", "!", ":", " ", "\n", "  ", "<", ">", '"', "'", "=", "a", "x.md",
    "../b.md#c", "javascript:go()", "href", "src", "href=", 'src="', "](", "]:", "![", "text ",
]  # fmt: skip


def pages(count: int = 3000) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_the_forms_of_a_link_target_find_what_one_pattern_finds() -> None:
    for text in pages():
        one = [(m.start(2), m[2]) for m in ONE_PATTERN_TARGETS.finditer(text)]
        forms = [(m.start(1), m[1]) for m in targets.scan(text, targets.LINK_FORMS)]
        assert forms == one, text


def test_the_forms_of_a_markdown_link_find_what_one_pattern_finds_images_too() -> None:
    found = 0
    for text in pages():
        one = [(m.start(2), m[2], bool(m[1])) for m in ONE_PATTERN_LINKS.finditer(text)]
        forms = [
            (
                m.start(1),
                m[1],
                m.re is project.LINK_FORMS[0][0] and text[m.start() - 1 : m.start()] == "!",
            )
            for m in targets.scan(text, project.LINK_FORMS)
        ]
        assert forms == one, text
        found += len(one)
    assert found > 500, "the pages write many links"
