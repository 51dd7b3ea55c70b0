"""Glob matching for the signature lists (library and entry names) without compiling a regular
expression per pattern: almost every pattern is `name`, `prefix*`, `*suffix`, `*part*` or
`prefix*suffix`, and compiling a few hundred patterns in every fresh process cost more than the
matching itself. The rest fall back to fnmatch."""

from __future__ import annotations

from functools import cache


class GlobSet:
    def __init__(self, patterns):
        exact, prefixes, suffixes, contains, both, other = set(), [], [], [], [], []
        for p in patterns:
            if "?" in p or "[" in p:
                other.append(p)
                continue
            stars = p.count("*")
            if stars == 0:
                exact.add(p)
            elif stars == 1 and p.endswith("*"):
                prefixes.append(p[:-1])
            elif stars == 1 and p.startswith("*"):
                suffixes.append(p[1:])
            elif stars == 1:
                head, _, tail = p.partition("*")
                both.append((head, tail))
            elif stars == 2 and p.startswith("*") and p.endswith("*"):
                contains.append(p[1:-1])
            else:
                other.append(p)
        self.exact, self.prefixes, self.suffixes = exact, tuple(prefixes), tuple(suffixes)
        self.contains, self.both, self.other = contains, both, other

    def matches(self, name: str) -> bool:
        if name in self.exact or name.startswith(self.prefixes) or name.endswith(self.suffixes):
            return True
        if any(c in name for c in self.contains):
            return True
        for head, tail in self.both:
            if len(name) >= len(head) + len(tail) and name.startswith(head) and name.endswith(tail):
                return True
        if self.other:
            import fnmatch

            return any(fnmatch.fnmatchcase(name, p) for p in self.other)
        return False


@cache
def _single(pattern: str) -> GlobSet:
    return GlobSet([pattern])


def glob_match(name: str, pattern: str) -> bool:
    return _single(pattern).matches(name)
