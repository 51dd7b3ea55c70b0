from django.db import models
from django.utils.translation import gettext_lazy as _


class AppKind(models.TextChoices):
    APP = "app", _("APP")
    MINI_PROGRAM = "mini_program", _("Mini-program")
    OFFICIAL_ACCOUNT = "official_account", _("Official account")
    QUICK_APP = "quick_app", _("Quick app")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    EXTERNAL = "external", _("External customers")
    INTERNAL = "internal", _("Internal staff")


class Platform(models.TextChoices):
    ANDROID = "android", _("Android")
    IOS = "ios", _("iOS")
    HARMONYOS = "harmonyos", _("HarmonyOS")
    WECHAT = "wechat", _("WeChat")
    ALIPAY = "alipay", _("Alipay")
    OTHER = "other", _("Other")


class LifecycleState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ADMITTED = "admitted", _("Admitted")
    IN_DEVELOPMENT = "in_development", _("In development")
    IN_TESTING = "in_testing", _("In testing")
    RELEASED = "released", _("Released")
    IN_OPERATION = "in_operation", _("In operation")
    RETIRING = "retiring", _("Retiring")
    RETIRED = "retired", _("Retired")


class SupportStatus(models.TextChoices):
    SUPPORTED = "supported", _("Supported")
    DEPRECATED = "deprecated", _("Deprecated")
    RETIRED = "retired", _("Retired")


class ChannelKind(models.TextChoices):
    APP_STORE = "app_store", _("App store")
    QUICK_APP_CENTRE = "quick_app_centre", _("Quick-app centre")
    MINI_PROGRAM_PLATFORM = "mini_program_platform", _("Mini-program platform")
    BROWSER_PLUGIN_PLATFORM = "browser_plugin_platform", _("Browser-plugin platform")
    OFFICIAL_SITE = "official_site", _("Official website")


class ListingState(models.TextChoices):
    UNDER_REVIEW = "under_review", _("Under review")
    LISTED = "listed", _("Listed")
    DELISTED = "delisted", _("Delisted")
    REJECTED = "rejected", _("Rejected")


class AccountHolder(models.TextChoices):
    INSTITUTION = "institution", _("The institution")
    VENDOR = "vendor", _("A vendor")
    PARTNER = "partner", _("A partner")
    INDIVIDUAL = "individual", _("An individual")


class Severity(models.TextChoices):
    CRITICAL = "critical", _("Critical")
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


def platform_zh(code: str) -> str:
    """The platform's Chinese name (安卓, 鸿蒙, 微信…) for texts stored in Chinese (result subjects and
    explanations), whatever language the evaluating process runs in; an unknown code stays as it is."""
    from django.utils import translation

    labels = dict(Platform.choices)
    if code not in labels:
        return code
    with translation.override("zh-hans"):
        return str(labels[code])
