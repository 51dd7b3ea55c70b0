"""Rationalisation (清理整合, NFRA-02.4 and 06.1): the business functions each app declares (from the taxonomy
in operations/data/functions.yaml), the candidates the nightly run finds with their reasons, and the office's
decision on each candidate."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, ListItemsLimit
from appgov.core.models.owned import InstitutionOwned


class AppFunctions(InstitutionOwned):
    """The business functions an app offers, as codes of the function taxonomy."""

    institution_path = "app__institution"

    app = models.OneToOneField(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="function_catalogue"
    )
    functions = models.JSONField(_("business functions"), default=list, validators=[ListItemsLimit()])
    note = BoundedTextField(_("note"), blank=True)
    updated_on = models.DateField(_("updated on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["app"]
        verbose_name = _("function catalogue of an app")
        verbose_name_plural = _("function catalogues")

    def __str__(self):
        return str(self.app)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("operations:functions-detail", args=[self.pk])

    def clean(self):
        from ..taxonomy import function_codes

        if not isinstance(self.functions, list) or not all(isinstance(c, str) for c in self.functions):
            raise ValidationError({"functions": _("must be a list of function codes")})
        unknown = sorted(set(self.functions) - function_codes())
        if unknown:
            raise ValidationError(
                {"functions": _("Unknown function codes: %(codes)s") % {"codes": ", ".join(unknown)}}
            )
        if len(set(self.functions)) != len(self.functions):
            raise ValidationError({"functions": _("A function is named twice.")})


class Candidate(InstitutionOwned):
    """An app the nightly run proposes for rationalisation, with every reason it found."""

    institution_path = "institution"

    class Status(models.TextChoices):
        OPEN = "open", _("Awaiting decision")
        DECIDED = "decided", _("Decided")
        CLEARED = "cleared", _("No longer a candidate")

    class Reason(models.TextChoices):
        LOW_ACTIVITY = "low_activity", _("Low activity")
        POOR_EXPERIENCE = "poor_experience", _("Poor experience")
        REDUNDANT = "redundant", _("Redundant functions")
        HIGH_RISK = "high_risk", _("High risk")

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    app = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("app"),
        on_delete=models.PROTECT,
        related_name="rationalisation_candidates",
    )
    reason_codes = models.JSONField(_("reasons"), default=list, editable=False)
    # [{"code", "zh", "en"}]: each reason with its numbers, in both languages
    reasons = models.JSONField(_("reasons in detail"), default=list, editable=False)
    overlap_with = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("overlaps with"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    overlap = models.JSONField(_("shared functions"), default=list, editable=False)
    first_found_on = models.DateField(_("first found on"), editable=False)
    # the day the reasons above were found as they stand (the nightly run writes only when they change)
    reasons_on = models.DateField(_("reasons as of"), editable=False)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN, editable=False
    )

    class Meta:
        ordering = ["status", "-first_found_on", "app"]
        indexes = [models.Index(fields=["institution", "status"])]
        verbose_name = _("rationalisation candidate")
        verbose_name_plural = _("rationalisation candidates")

    def __str__(self):
        return f"{self.app} ({self.first_found_on})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("operations:candidate-detail", args=[self.pk])

    def reason_text(self, language: str = "zh") -> str:
        return "；".join(r.get(language, "") for r in self.reasons)


class Decision(InstitutionOwned):
    """The office's decision on a candidate, with an owner and a deadline. Retire and merge start the ledger's
    exit lifecycle; a decision not completed by its deadline fails NFRA-02.4 (a finding)."""

    institution_path = "institution"

    class Kind(models.TextChoices):
        KEEP = "keep", _("Keep (with justification)")
        OPTIMISE = "optimise", _("Optimise")
        MERGE = "merge", _("Merge into another app")
        RETIRE = "retire", _("Retire")

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    candidate = models.OneToOneField(
        Candidate, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="decision"
    )
    kind = models.CharField(_("decision"), max_length=8, choices=Kind.choices)
    justification = BoundedTextField(_("justification"))
    merge_into = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("merge into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner = models.ForeignKey(
        "core.Person", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    deadline = models.DateField(_("deadline"))
    decided_on = models.DateField(_("decided on"), editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True, editable=False)
    completion_note = BoundedTextField(_("completion note"), blank=True, editable=False)

    class Meta:
        ordering = ["deadline"]
        verbose_name = _("rationalisation decision")
        verbose_name_plural = _("rationalisation decisions")

    def __str__(self):
        return f"{self.candidate.app} · {self.get_kind_display()}"

    def get_absolute_url(self):
        return self.candidate.get_absolute_url()

    def clean(self):
        errors = {}
        if self.kind == self.Kind.MERGE and not self.merge_into_id:
            errors["merge_into"] = _("A merge names the app that takes over.")
        if self.kind != self.Kind.MERGE and self.merge_into_id:
            errors["merge_into"] = _("Only a merge names another app.")
        if self.merge_into_id and self.candidate_id and self.merge_into_id == self.candidate.app_id:
            errors["merge_into"] = _("An app cannot be merged into itself.")
        if (
            self.merge_into_id
            and self.institution_id
            and self.merge_into.institution_id != self.institution_id
        ):
            errors["merge_into"] = _("belongs to another institution")
        if self.owner_id and self.institution_id and self.owner.institution_id != self.institution_id:
            errors["owner"] = _("belongs to another institution")
        if self.kind == self.Kind.KEEP and not (self.justification or "").strip():
            errors["justification"] = _("Keeping a candidate needs a justification.")
        if errors:
            raise ValidationError(errors)

    def overdue_on(self, today) -> bool:
        return self.completed_on is None and self.deadline < today
