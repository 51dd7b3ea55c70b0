"""Plain record classes without `dataclasses`: importing dataclasses (and the inspect, dis and ast
modules it pulls in) was a measurable part of every scan's start-up.

    class Point(Record):
        _fields = {"x": 0, "tags": list}   # a type or function as default is called per instance
"""

from __future__ import annotations


class Record:
    __slots__ = ()
    _fields: dict = {}
    _frozen = False

    def __init__(self, *args, **kwargs):
        names = list(self._fields)
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} positional arguments")
        values = dict(zip(names, args, strict=False))
        for key, value in kwargs.items():
            if key not in self._fields:
                raise TypeError(f"{type(self).__name__} has no field {key!r}")
            if key in values:
                raise TypeError(f"{type(self).__name__} got {key!r} twice")
            values[key] = value
        for name, default in self._fields.items():
            if name in values:
                value = values[name]
            elif callable(default):
                value = default()
            else:
                value = default
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        if self._frozen:
            raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")
        object.__setattr__(self, name, value)

    def __eq__(self, other):
        return type(other) is type(self) and all(getattr(self, n) == getattr(other, n) for n in self._fields)

    def __hash__(self):
        if not self._frozen:
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash(tuple(getattr(self, n) for n in self._fields))

    def __repr__(self):
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__name__}({inner})"
