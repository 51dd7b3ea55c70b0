from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

from .choices import AccountHolder, ChannelKind, ListingState


class Channel(Voidable, InstitutionOwned):
    """A distribution platform the institution publishes on, with its qualification check (NFRA-08.3)."""

    institution_path = "institution"

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="channels"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=ChannelKind.choices)
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    url = models.URLField(_("URL"), blank=True)
    qualification_checked_on = models.DateField(_("qualification checked on"), null=True, blank=True)

    class Meta:
        ordering = ["institution", "name"]
        constraints = [models.UniqueConstraint(fields=["institution", "name"], name="channel_name_unique")]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("ledger:channel-detail", args=[self.pk])


class PublishingAccount(Voidable, InstitutionOwned):
    """The account an app is published under on a channel, and who holds it (NFRA-08.5)."""

    institution_path = "app__institution"

    app = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("app"),
        on_delete=models.PROTECT,
        related_name="publishing_accounts",
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.PROTECT, related_name="+"
    )
    account_name = models.CharField(_("account"), max_length=200)
    holder = models.CharField(_("held by"), max_length=20, choices=AccountHolder.choices)
    holder_name = models.CharField(_("holder name"), max_length=200, blank=True)

    class Meta:
        ordering = ["app", "channel"]
        constraints = [models.UniqueConstraint(fields=["app", "channel"], name="one_account_per_channel")]
        verbose_name = _("publishing account")
        verbose_name_plural = _("publishing accounts")

    def __str__(self):
        return f"{self.channel}: {self.account_name}"

    def clean(self):
        if self.app_id and self.channel_id and self.channel.institution_id != self.app.institution_id:
            raise ValidationError({"channel": _("belongs to another institution")})


class Listing(Voidable, InstitutionOwned):
    """Which version is listed on which channel, since when, in which state."""

    institution_path = "version__app__institution"

    version = models.ForeignKey(
        "ledger.AppVersion", verbose_name=_("version"), on_delete=models.PROTECT, related_name="listings"
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.PROTECT, related_name="listings"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ListingState.choices, default=ListingState.LISTED
    )
    listed_on = models.DateField(_("listed on"), null=True, blank=True)
    delisted_on = models.DateField(_("delisted on"), null=True, blank=True)
    url = models.URLField(_("store page"), blank=True)

    class Meta:
        ordering = ["version", "channel"]
        constraints = [models.UniqueConstraint(fields=["version", "channel"], name="one_listing_per_channel")]
        indexes = [models.Index(fields=["state"])]
        verbose_name = _("listing")
        verbose_name_plural = _("listings")

    def __str__(self):
        return f"{self.version} @ {self.channel}"

    def clean(self):
        errors = {}
        if (
            self.version_id
            and self.channel_id
            and self.channel.institution_id != self.version.app.institution_id
        ):
            errors["channel"] = _("belongs to another institution")
        if self.listed_on and self.delisted_on and self.delisted_on < self.listed_on:
            errors["delisted_on"] = _("cannot be before the listing date")
        if errors:
            raise ValidationError(errors)
