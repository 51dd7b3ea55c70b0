"""Authorisations, query-log batches, engine runs, alerts and the daily review worklists (日核查)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from appgov.core.models.fields import BoundedTextField, SystemTextField
from appgov.core.models.owned import InstitutionOwned

REASON_CODES = [
    "本人查询",
    "贷款审批",
    "信用卡审批",
    "担保资格审查",
    "贷后管理",
    "异议查询",
    "特约商户实名审查",
    "内部员工查询",
    "司法查询",
    "行政机关查询",
]


class Authorization(InstitutionOwned):
    """An archived authorisation of a data subject (or the approval / official request for internal and
    state-organ queries). Exported to the engine's `authorizations` table."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    authorization_no = models.CharField(_("authorisation number"), max_length=64)
    subject_pseudonym = models.CharField(_("subject (pseudonymised id)"), max_length=128)
    purpose = models.CharField(_("purpose"), max_length=40, choices=[(c, c) for c in REASON_CODES])
    signed_at = models.DateTimeField(_("signed at"))
    valid_from = models.DateTimeField(_("valid from"))
    valid_to = models.DateTimeField(_("valid until"), null=True, blank=True)
    branch = models.ForeignKey(
        "core.Department",
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scanned_file = models.FileField(
        _("scanned authorisation"), upload_to="credit/authorizations/%Y/", blank=True
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = BoundedTextField(_("reason for withdrawal"), blank=True)

    class Meta:
        ordering = ["-signed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "authorization_no"], name="credit_authorization_unique"
            )
        ]
        verbose_name = _("authorisation")
        verbose_name_plural = _("authorisations")

    def __str__(self):
        return f"{self.authorization_no} · {self.purpose}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.valid_to and self.valid_from and self.valid_to <= self.valid_from:
            raise ValidationError({"valid_to": _("The end of validity must be after its start.")})
        if self.signed_at and self.valid_from and self.signed_at > self.valid_from:
            raise ValidationError({"valid_from": _("An authorisation cannot be valid before it is signed.")})


class QueryLogBatch(InstitutionOwned):
    """One ingested query-log file, stored validated in the engine's canonical Parquet form."""

    institution_path = "institution"

    class Source(models.TextChoices):
        UPLOAD = "upload", _("Upload")
        DIRECTORY = "directory", _("Directory import")
        API = "api", _("API batch")

    class Table(models.TextChoices):
        QUERY_EVENTS = "query_events", _("Query log")
        CREDIT_RELATIONSHIPS = "credit_relationships", _("Credit relationships")
        LOAN_APPLICATIONS = "loan_applications", _("Loan and card applications")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    table = models.CharField(_("table"), max_length=24, choices=Table.choices, default=Table.QUERY_EVENTS)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    original_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(_("SHA-256 of the original file"), max_length=64)
    parquet = models.FileField(upload_to="credit/querylogs/%Y/%m/")
    rows = models.PositiveIntegerField(_("rows"))
    first_ts = models.DateTimeField(_("earliest time"), null=True, blank=True)
    last_ts = models.DateTimeField(_("latest time"), null=True, blank=True)
    days = models.JSONField(_("days covered"), default=list)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("ingested at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["institution", "sha256"], name="credit_batch_unique")]
        verbose_name = _("query-log file")
        verbose_name_plural = _("query-log files")

    def __str__(self):
        return f"{self.original_name} ({self.rows})"


class MonitoringRun(InstitutionOwned):
    """One run of the query-monitoring engine: over one day of an institution's logs (the nightly run, which
    also reconciles what the cycles stored), or one near-real-time cycle over the batches that arrived."""

    institution_path = "institution"

    class Kind(models.TextChoices):
        DAY = "day", _("Whole day")
        INCREMENT = "increment", _("Real-time cycle")

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("day of the queries"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    kind = models.CharField(_("kind of run"), max_length=10, choices=Kind.choices, default=Kind.DAY)
    # a cycle: the last query-log batch it took (the next cycle starts after it) and the engine's as_of
    last_batch_id = models.PositiveBigIntegerField(_("last batch taken"), null=True, blank=True)
    as_of = models.DateTimeField(_("complete up to"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    events = models.PositiveIntegerField(_("queries checked"), default=0)
    alerts = models.PositiveIntegerField(_("alerts"), default=0)
    new_alerts = models.PositiveIntegerField(_("new alerts"), default=0)
    summary = models.JSONField(_("engine summary"), default=dict, blank=True)
    error = SystemTextField(_("error"), blank=True)

    class Meta:
        ordering = ["-day", "-started_at"]
        verbose_name = _("monitoring run")
        verbose_name_plural = _("monitoring runs")

    def __str__(self):
        return f"{self.day} · {self.get_status_display()}"


class ReviewDay(InstitutionOwned):
    """The daily review worklist (日核查) of one branch for one day of queries."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("day of the queries"))
    branch_code = models.CharField(_("branch code"), max_length=64)
    branch = models.ForeignKey(
        "core.Department",
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    events = models.PositiveIntegerField(_("queries"), default=0)
    due_on = models.DateField(_("review due on"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    conclusion = BoundedTextField(_("review conclusion"), blank=True)

    class Meta:
        ordering = ["-day", "branch_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "day", "branch_code"], name="credit_review_day_unique"
            )
        ]
        verbose_name = _("daily review")
        verbose_name_plural = _("daily reviews")

    def __str__(self):
        return f"{self.day} · {self.branch or self.branch_code}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("credit:reviewday-detail", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def is_overdue(self, today) -> bool:
        return not self.is_closed and today > self.due_on


class Alert(InstitutionOwned):
    """One alert of the engine, and how the daily review dispositioned it."""

    institution_path = "institution"

    class Disposition(models.TextChoices):
        OPEN = "open", _("To review")
        FALSE_POSITIVE = "false_positive", _("False positive")
        CONFIRMED = "confirmed", _("Violation confirmed")
        ESCALATED = "escalated", _("Escalated")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    run = models.ForeignKey(MonitoringRun, on_delete=models.PROTECT, related_name="alert_rows")
    review_day = models.ForeignKey(ReviewDay, on_delete=models.PROTECT, related_name="alert_rows")
    alert_id = models.CharField(_("alert id"), max_length=64)
    rule_id = models.CharField(_("rule"), max_length=8)
    severity = models.CharField(_("severity"), max_length=10)
    reason = models.CharField(_("reason"), max_length=64)
    ts = models.DateTimeField(_("time"))
    operator_id = models.CharField(pgettext_lazy("credit-system user", "operator"), max_length=64, blank=True)
    branch_code = models.CharField(_("branch code"), max_length=64, blank=True)
    branch_name = models.CharField(_("branch"), max_length=200, blank=True)
    rule_name = models.CharField(_("rule name"), max_length=200, blank=True)
    subject_id = models.CharField(_("subject"), max_length=128, blank=True)
    event_ids = models.JSONField(_("query events"), default=list)
    explanation = SystemTextField(_("explanation"))
    details = models.JSONField(_("details"), default=dict, blank=True)
    disposition = models.CharField(
        _("disposition"), max_length=16, choices=Disposition.choices, default=Disposition.OPEN
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    comment = BoundedTextField(_("review comment"), blank=True)

    class Meta:
        ordering = ["ts", "rule_id", "alert_id"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "alert_id"], name="credit_alert_unique")
        ]
        indexes = [models.Index(fields=["institution", "rule_id", "disposition"])]
        verbose_name = _("query alert")
        verbose_name_plural = _("query alerts")

    def __str__(self):
        return f"{self.rule_id} {self.ts:%Y-%m-%d %H:%M} {self.operator_id}"


class AlertDisposition(InstitutionOwned):
    """One decision of the daily review on an alert. Decisions are appended, never overwritten: a change of
    disposition is a new entry with who and why, and the alert carries the latest as its current state."""

    institution_path = "alert__institution"

    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="dispositions")
    disposition = models.CharField(
        _("disposition"),
        max_length=16,
        choices=[c for c in Alert.Disposition.choices if c[0] != Alert.Disposition.OPEN],
    )
    comment = BoundedTextField(_("review comment"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["decided_at", "id"]
        verbose_name = _("alert disposition")
        verbose_name_plural = _("alert dispositions")

    def __str__(self):
        return f"{self.alert} · {self.get_disposition_display()}"


class StaffSubject(InstitutionOwned):
    """The pseudonymised credit-subject id of a staff member, so queries of colleagues show (rule Q10)."""

    institution_path = "person__institution"

    person = models.OneToOneField(
        "core.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    subject_pseudonym = models.CharField(_("subject (pseudonymised id)"), max_length=128)

    class Meta:
        verbose_name = _("staff credit subject")
        verbose_name_plural = _("staff credit subjects")

    def __str__(self):
        return f"{self.person} ({self.subject_pseudonym})"
