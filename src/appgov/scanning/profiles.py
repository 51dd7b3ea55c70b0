"""Writes of what the scanner compares an institution's packages with: its scan profile (NFRA-07.4) and each
app's declared personal-information inventory (NFRA-16.1). Pages and the API both call these services."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.engines.apkscan.catalogue import load_data
from appgov.engines.apkscan.errors import UsageError
from appgov.engines.apkscan.miniprogram.catalogue import load_mp_data
from appgov.engines.apkscan.yara_rules import check_source

from .models import AppPrivacyInventory, ScanProfile

# A host name of at least two labels (letters, digits, hyphens; an IDN in its xn-- form), optionally "*."-led
# as the engine accepts it (it matches the domain and its subdomains either way).
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_DOMAIN = re.compile(rf"^(\*\.)?(?:{_LABEL}\.)+[a-z][a-z0-9-]{{0,62}}(?<!-)$")


def pi_categories() -> dict[str, str]:
    """The engine's personal-information taxonomy: category -> its Chinese label (data/permissions.json), with
    the categories only mini-program interfaces reach (收货地址, 发票, 车牌: miniprogram/data/privacy_apis.json,
    labelled by their first interface), so a mini-program's inventory can declare everything its scan finds."""
    labels = dict(load_data("permissions.json")["pi_categories"])
    mp = load_mp_data("privacy_apis.json")
    for table in ("apis", "open_types"):
        for spec in (mp.get(table) or {}).values():
            if isinstance(spec, dict) and spec.get("pi_category"):
                labels.setdefault(spec["pi_category"], spec.get("zh") or spec["pi_category"])
    return labels


def clean_domains(values) -> list[str]:
    """The allow-list as the engine reads it: lower-case, no duplicates, in the order given. Every entry that is
    not a domain name is named in the error."""
    if isinstance(values, str):
        values = values.split()
    if not isinstance(values, list | tuple):
        raise ValidationError({"allowed_domains": _("Give the allowed domains as a list.")})
    out, bad = [], []
    for value in values:
        text = str(value).strip().lower().rstrip(".") if isinstance(value, str) else None
        if not text:
            if text is None:
                bad.append(str(value))
            continue
        if len(text) > 253 or not _DOMAIN.match(text):
            bad.append(str(value))
        elif text not in out:
            out.append(text)
    if bad:
        raise ValidationError(
            {
                "allowed_domains": _("Not a domain name: %(values)s (write e.g. bank.example.cn)")
                % {"values": "、".join(bad)}
            }
        )
    return out


def clean_categories(values) -> list[str]:
    """Declared categories, each one of the engine's taxonomy (unknown ones are named), sorted, no duplicates."""
    if not isinstance(values, list | tuple):
        raise ValidationError({"categories": _("Give the personal-information categories as a list.")})
    known = pi_categories()
    unknown = [str(v) for v in values if not isinstance(v, str) or v not in known]
    if unknown:
        raise ValidationError(
            {
                "categories": _("Unknown personal-information category: %(values)s")
                % {"values": "、".join(unknown)}
            }
        )
    return sorted(set(values))


class ScanProfileService(core_services.ModelService):
    model = ScanProfile

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.pk is None and ScanProfile.objects.filter(institution_id=obj.institution_id).exists():
            raise ValidationError(_("The institution already has a scan profile: change that one."))
        obj.allowed_domains = clean_domains(obj.allowed_domains)
        rules = obj.yara_rules or ""
        obj.yara_rules = rules if rules.strip() else ""
        if obj.yara_rules:
            try:
                check_source(obj.yara_rules)
            except UsageError as exc:
                raise ValidationError({"yara_rules": str(exc)}) from None
        if obj.validity_days is not None and obj.validity_days < 1:
            raise ValidationError({"validity_days": _("A scan must count for at least one day.")})

    def check_deletable(self, obj, actor):
        raise ValidationError(
            _("The scan profile is kept: change its allow-list, link check or rules instead of deleting it.")
        )


class PrivacyInventoryService(core_services.ModelService):
    model = AppPrivacyInventory

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.pk is None and AppPrivacyInventory.objects.filter(app_id=obj.app_id).exists():
            raise ValidationError({"app": _("The app already has an inventory: change that one.")})
        obj.categories = clean_categories(obj.categories)

    def check_deletable(self, obj, actor):
        raise ValidationError(
            _("The personal-information inventory is kept: change its categories instead of deleting it.")
        )


scan_profiles = ScanProfileService()
privacy_inventories = PrivacyInventoryService()
