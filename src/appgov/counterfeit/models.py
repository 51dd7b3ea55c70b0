"""Counterfeit (仿冒) app monitoring: what the institution protects, the listings it observes, the sweeps
that screen them with the look-alike engine, and the cases that follow each alert (NFRA-09.5, NFRA-12.4)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, ListItemsLimit, SystemTextField
from appgov.core.models.owned import InstitutionOwned

HEX16 = RegexValidator(r"^[0-9a-f]{16}$", _("expected 16 lowercase hex digits"))
HEX64 = RegexValidator(r"^[0-9a-f]{64}$", _("expected 64 lowercase hex digits"))


class BrandProfile(InstitutionOwned):
    """What identifies the institution's brand beyond its apps' names (工商银行, 工行, ICBC)."""

    institution_path = "institution"

    institution = models.OneToOneField(
        "core.Institution", on_delete=models.CASCADE, related_name="brand_profile"
    )
    brand_keywords = models.JSONField(
        _("brand keywords"),
        default=list,
        blank=True,
        help_text=_("Names customers know the institution by; not generic words such as 银行"),
        validators=[ListItemsLimit()],
    )
    developers = models.JSONField(
        _("official developer names"),
        default=list,
        blank=True,
        help_text=_("Developer / publisher names under which the institution's apps are listed"),
        validators=[ListItemsLimit()],
    )

    class Meta:
        verbose_name = _("brand profile")
        verbose_name_plural = _("brand profiles")

    def __str__(self):
        return str(self.institution)


class AppProtection(InstitutionOwned):
    """Per-app additions to what the ledger already knows (name, identifiers, release certificates)."""

    institution_path = "app__institution"

    app = models.OneToOneField("ledger.MobileApp", on_delete=models.PROTECT, related_name="protection")
    aliases = models.JSONField(_("aliases"), default=list, blank=True, validators=[ListItemsLimit()])
    brand_keywords = models.JSONField(
        _("app keywords"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    extra_package_ids = models.JSONField(
        _("other official identifiers"),
        default=list,
        blank=True,
        help_text=_("Identifiers not in the ledger (e.g. an old package name still listed somewhere)"),
        validators=[ListItemsLimit()],
    )
    icon = models.FileField(_("icon"), upload_to="counterfeit/icons/%Y/%m/", blank=True)
    icon_phash = models.CharField(_("icon perceptual hash"), max_length=16, blank=True, validators=[HEX16])
    # further hashes of the icon the engine takes besides the pHash (icons.fingerprint), by name
    icon_hashes = models.JSONField(default=dict, blank=True)
    monitored = models.BooleanField(_("monitored"), default=True)

    class Meta:
        verbose_name = _("app protection")
        verbose_name_plural = _("app protections")

    def __str__(self):
        return str(self.app)


class ListingFeed(InstitutionOwned):
    """One delivery of observed listings (an uploaded file or an API call)."""

    institution_path = "institution"

    class Channel(models.TextChoices):
        UPLOAD = "upload", _("File upload")
        API = "api", _("API")
        DEMO = "demo", _("Demo data")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("received by"), max_length=10, choices=Channel.choices)
    label = models.CharField(_("feed"), max_length=200, help_text=_("Where the listings come from"))
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    lines = models.PositiveIntegerField(_("listings"), default=0)
    new = models.PositiveIntegerField(_("new"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    reappeared = models.PositiveIntegerField(
        _("back after takedown"),
        default=0,
        help_text=_("Unchanged listings seen again after their case was closed as taken down"),
    )
    icons_hashed = models.PositiveIntegerField(_("icons hashed"), default=0)
    icons_missing = models.PositiveIntegerField(
        _("icons not sent"),
        default=0,
        help_text=_(
            "Listings naming an icon file that the feed did not carry and without a precomputed hash"
        ),
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("listing feed")
        verbose_name_plural = _("listing feeds")

    def __str__(self):
        return f"{self.label} · {self.received_at:%Y-%m-%d %H:%M}" if self.received_at else self.label


class ObservedListing(InstitutionOwned):
    """A listing seen on a store, mini-program platform or website, as the engine's listing schema has it.

    ``content_hash`` covers every field the engine reads; a listing is screened again when it differs from
    ``screened_hash`` (new or changed since the last sweep)."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    feed = models.ForeignKey(ListingFeed, on_delete=models.PROTECT, related_name="listings")
    listing_id = models.CharField(_("listing id"), max_length=200)
    source = models.CharField(_("source"), max_length=200)
    name = models.CharField(_("name"), max_length=500)
    package_id = models.CharField(_("package id"), max_length=255, blank=True)
    developer = models.CharField(_("developer"), max_length=500, blank=True)
    cert_sha256 = models.CharField(_("certificate SHA-256"), max_length=64, blank=True)
    icon = models.CharField(_("icon"), max_length=1000, blank=True)
    icon_phash = models.CharField(_("icon perceptual hash"), max_length=16, blank=True)
    icon_hashes = models.JSONField(default=dict, blank=True)
    icon_file = models.FileField(_("icon file"), upload_to="counterfeit/listing-icons/", blank=True)
    url = models.CharField(_("URL"), max_length=2000, blank=True)
    first_seen = models.CharField(_("first seen"), max_length=40, blank=True)
    changed_at = models.CharField(_("changed"), max_length=40, blank=True)
    content_hash = models.CharField(max_length=64)
    screened_hash = models.CharField(max_length=64, blank=True)
    screened_at = models.DateTimeField(_("screened"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    # The engine's "unregistered" outcome at the last screening: the listing is signed with a release
    # certificate of this institution's app, but its package id is not registered in the ledger: the
    # institution's own build, distributed where the ledger does not know it (NFRA-02.1, checks.py).
    # Cleared by the sweep that no longer finds it (e.g. once the identifier is registered).
    unregistered_app = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("own app, not registered here"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="unregistered_listings",
    )
    unregistered_since = models.DateTimeField(_("unregistered since"), null=True, blank=True)
    unregistered_explanation = SystemTextField(_("why it is the institution's own build"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["institution", "listing_id"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "listing_id"], name="observed_listing_unique")
        ]
        verbose_name = _("observed listing")
        verbose_name_plural = _("observed listings")

    def __str__(self):
        return f"{self.name} ({self.source})"


class SweepRun(InstitutionOwned):
    """One screening of the institution's new or changed listings (daily job, button, or after an upload)."""

    institution_path = "institution"

    class Trigger(models.TextChoices):
        DAILY = "daily", _("Daily job")
        MANUAL = "manual", _("Screen now")
        FEED = "feed", _("After a feed")

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    trigger = models.CharField(_("trigger"), max_length=10, choices=Trigger.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    protected_apps = models.PositiveIntegerField(_("protected apps"), default=0)
    screened = models.PositiveIntegerField(_("listings screened"), default=0)
    alerts = models.PositiveIntegerField(_("alerts"), default=0)
    new_cases = models.PositiveIntegerField(_("new cases"), default=0)
    # what the institution's protected apps (and the engine settings) were when this sweep ran: when it
    # differs from the last finished sweep's, every listing is screened again, not only new/changed ones
    protection_digest = models.CharField(max_length=64, blank=True)
    rescreened_all = models.BooleanField(
        _("all listings screened"),
        default=False,
        help_text=_("The protected apps changed since the last sweep, so every listing was screened again"),
    )
    error = SystemTextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("sweep")
        verbose_name_plural = _("sweeps")

    def __str__(self):
        return (
            f"{self.get_trigger_display()} · {self.started_at:%Y-%m-%d %H:%M}" if self.started_at else "sweep"
        )


class CaseState(models.TextChoices):
    NEW = "new", _("New")
    CONFIRMED_COUNTERFEIT = "confirmed_counterfeit", _("Confirmed counterfeit")
    CONFIRMED_REPACKAGED = "confirmed_repackaged", _("Confirmed repackaged")
    FALSE_POSITIVE = "false_positive", _("False positive")
    TAKEDOWN_REQUESTED = "takedown_requested", _("Takedown requested")
    TAKEN_DOWN = "taken_down", _("Taken down")


CONFIRMED_STATES = (
    CaseState.CONFIRMED_COUNTERFEIT,
    CaseState.CONFIRMED_REPACKAGED,
    CaseState.TAKEDOWN_REQUESTED,
    CaseState.TAKEN_DOWN,
)


class AlertKind(models.TextChoices):
    REPACKAGED = "repackaged", _("Repackaged")
    COUNTERFEIT = "counterfeit", _("Counterfeit")
    SUSPECT = "suspect", _("Suspect")


class CounterfeitCase(InstitutionOwned):
    """One alert of the engine on one listing against one of the institution's apps, and what was done."""

    institution_path = "institution"

    class Verdict(models.TextChoices):
        COUNTERFEIT = "counterfeit", _("Counterfeit")
        REPACKAGED = "repackaged", _("Repackaged")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    app = models.ForeignKey("ledger.MobileApp", on_delete=models.PROTECT, related_name="counterfeit_cases")
    listing = models.ForeignKey(ObservedListing, on_delete=models.PROTECT, related_name="cases")
    sweep = models.ForeignKey(SweepRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    state = models.CharField(_("state"), max_length=24, choices=CaseState.choices, default=CaseState.NEW)
    alert_kind = models.CharField(_("alert kind"), max_length=12, choices=AlertKind.choices)
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("signals"), default=list)
    explanation_zh = SystemTextField(_("explanation"))
    also_matches = models.JSONField(default=list, blank=True)
    # the engine's plausible protected apps for this listing, best first (sweep._candidates): the
    # institution's own apps by ledger id, another institution's app by its institution's name (and the
    # app's name when the app is released, i.e. public)
    candidates = models.JSONField(_("candidates"), default=list, blank=True)
    # what the listing was when it alerted (the listing row moves on with later feeds)
    source = models.CharField(_("source"), max_length=200)
    listing_name = models.CharField(_("listing name"), max_length=500)
    package_id = models.CharField(_("package id"), max_length=255, blank=True)
    listing_developer = models.CharField(_("developer"), max_length=500, blank=True)
    listing_cert_sha256 = models.CharField(_("certificate SHA-256"), max_length=64, blank=True)
    # a re-listing after a takedown, or a dismissed listing whose key facts changed, is a new case that
    # points to the earlier one; the earlier case keeps its state, dates and records
    previous_case = models.ForeignKey(
        "self",
        verbose_name=_("earlier case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="later_cases",
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    last_alert_at = models.DateTimeField(_("last alerted"), null=True, blank=True)
    verdict = models.CharField(_("verdict"), max_length=12, choices=Verdict.choices, blank=True)
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)
    clarification_due_on = models.DateField(_("clarification due"), null=True, blank=True)
    report_due_on = models.DateField(_("report to the regulator due"), null=True, blank=True)
    takedown_platform = models.CharField(_("takedown requested from"), max_length=200, blank=True)
    takedown_requested_on = models.DateField(_("takedown requested on"), null=True, blank=True)
    takedown_reference = models.CharField(_("takedown reference"), max_length=200, blank=True)
    taken_down_on = models.DateField(_("taken down on"), null=True, blank=True)
    note = BoundedTextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        constraints = [
            # one first case per listing and app, and at most one follow-up of a case per app
            models.UniqueConstraint(
                fields=["listing", "app"],
                condition=models.Q(previous_case__isnull=True),
                name="one_first_case_per_listing_app",
            ),
            models.UniqueConstraint(fields=["previous_case", "app"], name="one_follow_up_per_case_app"),
        ]
        indexes = [models.Index(fields=["institution", "state"])]
        verbose_name = _("counterfeit case")
        verbose_name_plural = _("counterfeit cases")

    def __str__(self):
        return f"#{self.pk} {self.listing_name} → {self.app}"

    def get_absolute_url(self):
        return reverse("counterfeit:case-detail", args=[self.pk])

    @property
    def is_confirmed(self) -> bool:
        return self.state in CONFIRMED_STATES


class Clarification(InstitutionOwned):
    """A public clarification (公开澄清) that the listing is not the institution's app."""

    institution_path = "case__institution"

    case = models.ForeignKey(CounterfeitCase, on_delete=models.PROTECT, related_name="clarifications")
    published_on = models.DateField(_("published on"))
    channel = models.CharField(_("channel"), max_length=200, help_text=_("e.g. official website, WeChat"))
    link = models.URLField(_("link"), max_length=1000, blank=True)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["published_on", "id"]
        verbose_name = _("public clarification")
        verbose_name_plural = _("public clarifications")

    def __str__(self):
        return f"{self.published_on} {self.channel}"


class RegulatorReport(InstitutionOwned):
    """The report of a confirmed case to NFRA or its local office."""

    institution_path = "case__institution"

    case = models.OneToOneField(CounterfeitCase, on_delete=models.PROTECT, related_name="regulator_report")
    office = models.ForeignKey(
        "core.RegulatorOffice", verbose_name=_("reported to"), on_delete=models.PROTECT, related_name="+"
    )
    reported_on = models.DateField(_("reported on"))
    reference = models.CharField(_("reference"), max_length=200)
    summary = BoundedTextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("report to the regulator")
        verbose_name_plural = _("reports to the regulator")

    def __str__(self):
        return f"{self.reported_on} {self.reference}"
