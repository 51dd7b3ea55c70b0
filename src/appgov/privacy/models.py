"""Privacy policies of app versions (NFRA-16): the text as uploaded, what it declares (extracted by
appgov.engines.privacy, with the corrections people made) and its completeness."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, SystemTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

# A policy's text may be long (30 pages is about 60,000 characters); the bound keeps a hostile upload out.
POLICY_TEXT_LIMIT = 400_000


def policy_path(instance, filename):
    return f"privacy/{instance.version.app.institution_id}/{instance.version_id}/{filename}"


class PrivacyPolicy(InstitutionOwned):
    """The privacy policy that applies to an app version, as uploaded; a new upload is a new row (the previous
    ones stay, so that a policy can be compared with the one before)."""

    institution_path = "version__app__institution"

    version = models.ForeignKey(
        "ledger.AppVersion",
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="privacy_policies",
    )
    file = models.FileField(_("file"), upload_to=policy_path, max_length=300)
    file_name = models.CharField(_("file name"), max_length=200)
    content_hash = models.CharField(_("SHA-256"), max_length=64)
    text = BoundedTextField(_("text"), max_length=POLICY_TEXT_LIMIT)
    effective_on = models.DateField(_("effective on"), null=True, blank=True)
    updated_on = models.DateField(_("updated on"), null=True, blank=True)
    extracted = models.JSONField(_("what the policy declares (as extracted)"), default=dict)
    completeness = models.JSONField(_("completeness"), default=list)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("privacy policy")
        verbose_name_plural = _("privacy policies")

    def __str__(self):
        return f"{self.version} · {self.file_name}"

    def get_absolute_url(self):
        return reverse("privacy:policy-detail", args=[self.pk])


class PolicyCorrection(Voidable, InstitutionOwned):
    """A person's correction of the extraction: an item the policy declares that was missed (add) or an item
    wrongly read into it (remove). Kept, and applied to every later reading of the same policy."""

    institution_path = "policy__version__app__institution"

    class Field(models.TextChoices):
        PI_TYPES = "pi_types", _("personal-information type")
        PERMISSIONS = "permissions", _("permission")
        SDKS = "sdks", _("third-party SDK")

    class Action(models.TextChoices):
        ADD = "add", _("declared (missed by the extraction)")
        REMOVE = "remove", _("not declared (wrongly extracted)")

    policy = models.ForeignKey(
        PrivacyPolicy, verbose_name=_("policy"), on_delete=models.PROTECT, related_name="corrections"
    )
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    code = models.CharField(_("item"), max_length=100)
    action = models.CharField(_("correction"), max_length=10, choices=Action.choices)
    clause = models.PositiveIntegerField(_("clause"), null=True, blank=True)
    reason = SystemTextField(_("reason"), max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("extraction correction")
        verbose_name_plural = _("extraction corrections")
        constraints = [
            models.UniqueConstraint(fields=["policy", "field", "code"], name="privacy_correction_unique")
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.code}"
