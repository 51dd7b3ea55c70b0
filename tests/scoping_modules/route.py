from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    kind: str  # "object", "list", "public" (no login, no data), "self" (the user's own account),
    # "probe" (no login, no data, answers 503 while a part of the service is down: /healthz)
    obj: str | None = None  # for object routes: the key in b_objects() of the object the id names
    reg_read: bool = False  # the examiner of B's jurisdiction gets 200 on GET
    shows_b: bool = False  # ... and the answer shows B's marker (proves the leak check can fail)
    query: tuple = ()  # extra query strings tried on list routes, formatted with B's objects
    # Why the examiner's POST may answer 200/302 instead of 403/405 (a view that refuses with a message
    # and a redirect); B must still be unchanged. Empty: strict.
    post_ignored: str = ""
