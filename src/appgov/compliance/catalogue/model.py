"""The catalogue's value types: sources, articles, controls and the catalogue itself (no Django)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


class AppliesTo(StrEnum):
    """The kind of subject a control is evaluated against (one result per subject)."""

    INSTITUTION = "institution"
    APP = "app"
    APP_VERSION = "app_version"
    CREDIT_SYSTEM = "credit_system"
    REGULATOR = "regulator"


class Method(StrEnum):
    """How the platform knows whether a control is met."""

    AUTOMATED = "automated"  # a check computes it from data the platform holds
    EVIDENCE = "evidence"  # a person uploads or records evidence
    PERIODIC = "periodic"  # evidence due on a calendar (see Frequency)
    REGULATOR = "regulator"  # an obligation of the regulator's offices


DEFAULT_GRACE_DAYS = 30


class Frequency(StrEnum):
    DAILY = "daily"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    TRIENNIAL = "triennial"

    @property
    def min_period_days(self) -> int:
        """The shortest calendar period of this frequency (February, a 365-day year)."""
        return _MIN_PERIOD_DAYS[self]


_MIN_PERIOD_DAYS = {
    Frequency.DAILY: 1,
    Frequency.MONTHLY: 28,
    Frequency.QUARTERLY: 89,
    Frequency.ANNUAL: 365,
    Frequency.TRIENNIAL: 1095,
}


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class TextBasis(StrEnum):
    OFFICIAL = "official"  # article texts are the official text
    REPORTED = "reported"  # article texts come from a published report of the text


@dataclass(frozen=True)
class Source:
    """A regulation, notice or internal policy the controls come from."""

    id: str
    title_zh: str
    title_en: str
    issued: str  # ISO date, or YYYY-MM when only the month is known
    document_no: str | None
    text_basis: TextBasis
    packaged: bool  # shipped with AppGov (False: an institution's own file)
    origin: str  # the file it was loaded from


@dataclass(frozen=True)
class Article:
    source_id: str
    number: int
    ref: str  # how the text numbers it, e.g. 十一
    text_zh: str
    title_zh: str | None = None
    title_en: str | None = None


@dataclass(frozen=True)
class Control:
    id: str
    source_id: str
    article: int
    article_ref: str
    article_text_zh: str
    title_zh: str
    title_en: str
    statement_zh: str
    statement_en: str
    applies_to: AppliesTo
    method: Method
    frequency: Frequency | None
    severity: Severity
    evidence_zh: str
    evidence_en: str
    evidence_validity_days: int
    how_known: str
    # Days an unjudged subject may stay "evidence needed" before it is a failure with a finding.
    grace_days: int = DEFAULT_GRACE_DAYS
    # Source of a period or deadline the regulation itself does not give (a rule, or institution policy).
    period_basis: str | None = None


class Catalogue:
    """All controls of the loaded files, in file order (packaged sources first)."""

    __slots__ = ("_articles", "_by_id", "_controls", "_sources", "_version")

    def __init__(
        self,
        sources: tuple[Source, ...],
        articles: dict[str, tuple[Article, ...]],
        controls: tuple[Control, ...],
        version: str,
    ) -> None:
        self._sources = sources
        self._articles = dict(articles)
        self._controls = controls
        self._by_id = {control.id: control for control in controls}
        self._version = version

    @property
    def version(self) -> str:
        """Short sha256 of the loaded files' contents; results record it."""
        return self._version

    @property
    def sources(self) -> tuple[Source, ...]:
        return self._sources

    @property
    def controls(self) -> tuple[Control, ...]:
        return self._controls

    def by_id(self, control_id: str) -> Control:
        try:
            return self._by_id[control_id]
        except KeyError:
            raise KeyError(f"unknown control id {control_id!r} (catalogue {self._version})") from None

    def source(self, source_id: str) -> Source:
        for source in self._sources:
            if source.id == source_id:
                return source
        raise KeyError(f"unknown source id {source_id!r} (catalogue {self._version})")

    def articles(self, source_id: str) -> tuple[Article, ...]:
        try:
            return self._articles[source_id]
        except KeyError:
            raise KeyError(f"unknown source id {source_id!r} (catalogue {self._version})") from None

    def controls_of(self, source_id: str) -> tuple[Control, ...]:
        self.source(source_id)  # unknown ids raise
        return tuple(control for control in self._controls if control.source_id == source_id)

    def __contains__(self, control_id: object) -> bool:
        return control_id in self._by_id

    def __iter__(self) -> Iterator[Control]:
        return iter(self._controls)

    def __len__(self) -> int:
        return len(self._controls)

    def __repr__(self) -> str:
        return f"<Catalogue {self._version}: {len(self._sources)} sources, {len(self._controls)} controls>"
