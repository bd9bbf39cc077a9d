"""Compiled theme templates kept in memory, so that one process compiles each only once.

MkDocs makes a new Jinja environment for every build, and Material's templates then take
about half of a small site's build time to compile again. The i18n plugin runs one build
per language in the same process, and `make serve` one build per saved file: with this
cache, only the first compiles. Jinja checks each template's source checksum before using
its cached code, so an edited override is compiled afresh.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in a dict, for the life of the process."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()


def use_cache(env: Environment) -> Environment:
    """Give a theme environment the process's template cache."""
    env.bytecode_cache = CACHE
    return env
