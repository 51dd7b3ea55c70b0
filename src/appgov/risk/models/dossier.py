"""The release dossier of an app version (NFRA-03.2, 07.1, 07.3): design review, code review, change approval
and the security test of authentication and application logic, each with who, when and the result."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned


class TestResult(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class ReleaseDossier(InstitutionOwned):
    institution_path = "version__app__institution"

    version = models.OneToOneField(
        "ledger.AppVersion", on_delete=models.PROTECT, related_name="release_dossier"
    )
    design_reviewed_on = models.DateField(_("design reviewed on"), null=True, blank=True)
    design_reviewer = models.CharField(_("design reviewer"), max_length=200, blank=True)
    code_reviewed_on = models.DateField(_("code reviewed on"), null=True, blank=True)
    code_reviewer = models.CharField(_("code reviewer"), max_length=200, blank=True)
    change_approval_ref = models.CharField(_("change approval reference"), max_length=100, blank=True)
    change_approved_on = models.DateField(_("change approved on"), null=True, blank=True)
    compliance_reviewed_on = models.DateField(
        _("compliance requirements confirmed on"), null=True, blank=True
    )
    security_tested_on = models.DateField(_("security tested on"), null=True, blank=True)
    security_tester = models.CharField(_("security tester"), max_length=200, blank=True)
    tested_authentication = models.BooleanField(_("customer authentication tested"), default=False)
    tested_logic = models.BooleanField(_("application logic control tested"), default=False)
    security_test_result = models.CharField(
        _("security test result"), max_length=20, choices=TestResult.choices, blank=True
    )
    security_test_scope = BoundedTextField(_("security test scope"), blank=True)

    class Meta:
        verbose_name = _("release dossier")
        verbose_name_plural = _("release dossiers")

    def get_absolute_url(self):
        return reverse("risk:dossier-detail", args=[self.pk])

    def __str__(self):
        return f"{self.version}"
