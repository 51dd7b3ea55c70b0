"""Kiosks (PBC102-05), bulk-data requests (04), dissents and complaints (07)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned

from ..policy import policy


def validate_ipv4_network(value: str) -> None:
    import ipaddress

    try:
        network = ipaddress.IPv4Network(value, strict=True)
    except ValueError as exc:
        raise ValidationError(
            _("Not an IPv4 network like 10.8.20.0/24: %(error)s") % {"error": exc}
        ) from None
    if "/" not in value or network.prefixlen == 0:
        raise ValidationError(_("Give the kiosk segment with its prefix length, e.g. 10.8.20.0/24."))


class Kiosk(InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    terminal_id = models.CharField(_("terminal id"), max_length=64)
    branch = models.ForeignKey(
        "core.Department", verbose_name=_("branch"), on_delete=models.PROTECT, related_name="+"
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    network_segment = models.CharField(
        _("dedicated network segment"), max_length=43, blank=True, validators=[validate_ipv4_network]
    )
    open_from = models.TimeField(_("open from"), null=True, blank=True)
    open_to = models.TimeField(_("automatic shutdown at"), null=True, blank=True)
    supplier = models.CharField(_("supplier"), max_length=200, blank=True)
    contract_reference = models.CharField(_("purchase contract"), max_length=200, blank=True)
    confidentiality_clause = models.BooleanField(
        _("contract has a supplier confidentiality clause"), default=False
    )
    owner = models.ForeignKey(
        "core.Person",
        verbose_name=_("responsible owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kiosk_account = models.ForeignKey(
        "credit.CreditAccount",
        verbose_name=_("kiosk credit-system user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    in_service = models.BooleanField(_("in service"), default=True)
    retired_on = models.DateField(_("taken out of service on"), null=True, blank=True)
    retirement_reason = BoundedTextField(_("reason for taking out of service"), blank=True)

    class Meta:
        ordering = ["terminal_id"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "terminal_id"], name="credit_kiosk_unique")
        ]
        verbose_name = _("self-service kiosk")
        verbose_name_plural = _("self-service kiosks")

    def __str__(self):
        return self.terminal_id

    def clean(self):
        if self.open_from and self.open_to and self.open_to <= self.open_from:
            raise ValidationError({"open_to": _("The shutdown time must be after the opening time.")})

    def missing(self) -> list[tuple[str, str]]:
        """What the PBC102-05 register still lacks for this kiosk: (zh, en) pairs."""
        gaps = []
        if not self.network_segment:
            gaps.append(("独立网段", "network segment"))
        if not (self.open_from and self.open_to):
            gaps.append(("自动关机时间", "shutdown time"))
        if not (self.contract_reference and self.confidentiality_clause):
            gaps.append(("供应商保密条款", "supplier confidentiality clause"))
        if not self.owner_id:
            gaps.append(("管理责任人", "responsible owner"))
        if not self.kiosk_account_id:
            gaps.append(("自助查询机用户", "kiosk user"))
        return gaps


class KioskPurge(InstitutionOwned):
    """A purge of the credit data stored on a kiosk."""

    institution_path = "kiosk__institution"

    kiosk = models.ForeignKey(Kiosk, on_delete=models.PROTECT, related_name="purges")
    purged_on = models.DateField(_("purged on"))
    performed_by = models.CharField(_("performed by"), max_length=100)
    witness = models.CharField(_("witness"), max_length=100, blank=True)
    record_reference = models.CharField(_("record"), max_length=200)

    class Meta:
        ordering = ["-purged_on"]
        verbose_name = _("kiosk purge")
        verbose_name_plural = _("kiosk purges")

    def __str__(self):
        return f"{self.kiosk} · {self.purged_on}"


class BulkDataRequest(InstitutionOwned):
    """Bulk extraction of credit data: approved, retained until a deadline, destroyed with a certificate."""

    institution_path = "institution"

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        EXTRACTED = "extracted", _("Extracted")
        DESTROYED = "destroyed", _("Destroyed")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("reference"), max_length=64)
    purpose = BoundedTextField(_("purpose (legal, legitimate, necessary)"))
    data_scope = BoundedTextField(_("data extracted"))
    recipient = models.CharField(_("recipient"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_on = models.DateField(_("requested on"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    extracted_on = models.DateField(_("extracted on"), null=True, blank=True)
    retention_until = models.DateField(_("retain until"))
    destroyed_on = models.DateField(_("destroyed on"), null=True, blank=True)
    destruction_certificate = models.FileField(
        _("destruction certificate"), upload_to="credit/bulk/%Y/", blank=True
    )
    decision_note = BoundedTextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "reference"], name="credit_bulk_unique")
        ]
        verbose_name = _("bulk-data request")
        verbose_name_plural = _("bulk-data requests")

    def __str__(self):
        return self.reference

    def past_retention(self, today) -> bool:
        return self.status == self.Status.EXTRACTED and today > self.retention_until


class DissentCase(InstitutionOwned):
    """A dissent (异议) about credit information; answered within 20 days of receipt (条例 art. 25)."""

    institution_path = "institution"

    class Status(models.TextChoices):
        OPEN = "open", _("Being verified")
        CLOSED = "closed", _("Answered")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("reference"), max_length=64)
    subject_pseudonym = models.CharField(_("subject (pseudonymised id)"), max_length=128)
    received_on = models.DateField(_("received on"))
    content = BoundedTextField(_("what is disputed"))
    branch = models.ForeignKey(
        "core.Department",
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    answered_on = models.DateField(_("answered in writing on"), null=True, blank=True)
    outcome = BoundedTextField(_("outcome"), blank=True)
    documents_issued = models.CharField(_("documents issued"), max_length=300, blank=True)
    security_lead = models.BooleanField(_("used as a security-investigation lead"), default=False)
    # 异议标注: the disputed record is marked while it is verified.
    marked_on = models.DateField(_("disputed data marked on (异议标注)"), null=True, blank=True)

    class Meta:
        ordering = ["status", "received_on"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "reference"], name="credit_dissent_unique")
        ]
        verbose_name = _("dissent case")
        verbose_name_plural = _("dissent cases")

    def __str__(self):
        return self.reference

    @property
    def deadline(self) -> datetime.date:
        # The day of receipt is not counted (民法典 art. 201): received on the 1st, due by the 21st; a last day
        # that is not a working day of the credit calendar moves to the next working day (民法典 art. 203).
        from ..logcoverage import next_working_day_on_or_after

        nominal = self.received_on + datetime.timedelta(days=policy()["dissent_days"])
        return next_working_day_on_or_after(self.institution_id, nominal)

    def days_left(self, today) -> int:
        return (self.deadline - today).days

    def is_overdue(self, today) -> bool:
        if self.status == self.Status.CLOSED:
            return bool(self.answered_on and self.answered_on > self.deadline)
        return today > self.deadline

    def clean(self):
        if self.status == self.Status.CLOSED and not (self.answered_on and self.outcome):
            raise ValidationError(_("A dissent is answered with a date and an outcome."))
        if self.answered_on and self.received_on and self.answered_on < self.received_on:
            raise ValidationError({"answered_on": _("The answer cannot precede the receipt.")})


class Complaint(InstitutionOwned):
    institution_path = "institution"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("reference"), max_length=64)
    received_on = models.DateField(_("received on"))
    channel = models.CharField(_("received through"), max_length=100)
    summary = BoundedTextField(_("summary"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = BoundedTextField(_("outcome"), blank=True)
    security_lead = models.BooleanField(_("used as a security-investigation lead"), default=False)
    investigation_note = BoundedTextField(_("investigation"), blank=True)
    # 《银行业保险业消费投诉处理管理办法》(2020): 15 days, extendable for complex cases with approval.
    extended_until = models.DateField(_("deadline extended until"), null=True, blank=True)
    extension_approval = models.CharField(_("extension approved by / document"), max_length=200, blank=True)

    class Meta:
        ordering = ["status", "received_on"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "reference"], name="credit_complaint_unique")
        ]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")

    def __str__(self):
        return self.reference

    @property
    def deadline(self) -> datetime.date:
        """15 days from receipt (银行业保险业消费投诉处理管理办法, 2020), or the approved extension; a last day
        that is not a working day moves to the next working day (民法典 art. 203)."""
        from ..logcoverage import next_working_day_on_or_after

        nominal = self.received_on + datetime.timedelta(days=policy()["complaint_days"])
        if self.extended_until and self.extension_approval.strip():
            nominal = max(nominal, self.extended_until)
        return next_working_day_on_or_after(self.institution_id, nominal)

    @property
    def latest_allowed(self) -> datetime.date:
        return self.received_on + datetime.timedelta(days=policy()["complaint_max_days"])

    def is_overdue(self, today) -> bool:
        if self.status == self.Status.CLOSED:
            return bool(self.closed_on and self.closed_on > self.deadline)
        return today > self.deadline

    def clean(self):
        if self.status == self.Status.CLOSED and not (self.closed_on and self.outcome):
            raise ValidationError(_("A closed complaint needs its closing date and outcome."))
        if self.extended_until and not self.extension_approval.strip():
            raise ValidationError(
                {"extension_approval": _("An extended deadline needs the approval that extended it.")}
            )
        if self.extended_until and self.received_on and self.extended_until > self.latest_allowed:
            raise ValidationError(
                {
                    "extended_until": _(
                        "At most %(days)d days after receipt (the longest extension allowed)."
                    )
                    % {"days": policy()["complaint_max_days"]}
                }
            )
