from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    kind: str  # "object", "list", "public" (no login, no data), "self" (the user's own account),
    # "probe" (no login, no data, answers 503 while a part of the service is down: /healthz),
    # "office" / "office_list": a regulator office's own page about / listing records of B's office (T-P2,
    # reg_in's: campaigns, measures, bulletins): institution users (A's and B's) get 403/404 on every method;
    # the examiner outside B's jurisdiction (reg_out) gets 403/404/405 on office objects and never B's marker on
    # office lists; reg_in reads it (reg_read / shows_b). reg_in's own writes are tested by the module's tests.
    obj: str | None = None  # for object routes: the key in b_objects() of the object the id names
    reg_read: bool = False  # the examiner of B's jurisdiction gets 200 on GET
    shows_b: bool = False  # ... and the answer shows B's marker (proves the leak check can fail)
    query: tuple = ()  # extra query strings tried on list routes, formatted with B's objects
    # Why the examiner's POST may answer 200/302 instead of 403/405 (a view that refuses with a message
    # and a redirect); B must still be unchanged. Empty: strict.
    post_ignored: str = ""
