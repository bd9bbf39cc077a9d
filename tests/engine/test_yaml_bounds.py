"""The YAML reader spares its scan for anchors, aliases, tags and deep nesting only where the
text cannot hold them (parksite.model.yamlsource._plain_and_shallow): checked here against
the parser's own events on every text a small grammar of block YAML can write."""

from __future__ import annotations

import itertools

import yaml

from parksite.model.yamlsource import MAX_DEPTH, _event_problems, _plain_and_shallow

# Pieces of block YAML that open collections: keys, compact sequences, complex keys.
PIECES = ["a: b", "a:", "  c: d", "  - e", "- f", "- - g", "  - - h: i", "? j", ": k", "    l:"]


def _deepest(text: str) -> int | None:
    """How deep the parser's events nest, or None for a text that is not YAML."""
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return deepest


def test_spared_texts_never_nest_deeper_than_the_bound() -> None:
    spared = 0
    for count, joint in itertools.product(range(1, 5), ("\n", "\r", "\r\n")):
        for lines in itertools.product(PIECES, repeat=count):
            text = joint.join(lines)
            if not _plain_and_shallow(text):
                continue
            spared += 1
            deepest = _deepest(text)
            assert deepest is None or deepest <= MAX_DEPTH, text
            assert not _event_problems(text, "x.md"), text
    assert spared > 1000  # the grammar reaches the spared case often


def test_what_the_scan_refuses_is_never_spared() -> None:
    for text in [
        "title: &a A\nsummary: *a",
        "title: !!str A",
        "hide: " + "[" * 20 + "]" * 20,
        "hide:\n  " + "- " * 13 + "toc",
        "\n".join(" " * n + "k:" for n in range(14)) + " v",
        "\r".join(" " * n + "k:" for n in range(14)) + " v",  # old Mac line breaks
    ]:
        assert not _plain_and_shallow(text), text
        assert _event_problems(text, "x.md"), text


def test_a_page_s_usual_front_matter_is_spared() -> None:
    assert _plain_and_shallow("title: About the park\ndescription: One sentence.\norder: 3")
