"""The check shared by the error-class test files of the privacy engine: a case is (text, field, present, absent),
field 0 = PI types, 1 = permission groups, 2 = SDKs (catalogue id, else the name as written)."""

from appgov.engines.privacy import extract


def found(text: str) -> tuple[set, set, set]:
    declared = extract(text)
    return (
        set(declared["pi_types"]),
        set(declared["permissions"]),
        {s["id"] or s["name"] for s in declared["sdks"]},
    )


def check_case(text: str, field: int, present: set, absent: set) -> None:
    got = found(text)[field]
    assert present <= got, (text, got)
    assert not (absent & got), (text, got)
