"""SDKs found by the package scanner, linked to their vendor in the register: the SDK catalogue names the vendor
(scanning.SdkUse.vendor); a party lists the names it goes by (Party.sdk_vendor_names). Found SDKs of a known
vendor become relations (purpose SDK) of the app and version; unknown vendors are listed for the office to
register."""

from collections import defaultdict

from appgov.core import services as core
from appgov.scanning.models import SdkUse

from .models import Party, Relation
from .models.choices import Purpose


def _vendor_index(parties) -> dict:
    index = {}
    for party in parties:
        for name in party.sdk_vendor_names or []:
            index[name.strip().casefold()] = party
    return index


def link_sdk_vendors(institution, actor=None) -> tuple[int, dict]:
    """Add the missing SDK relations of the institution; returns (added, {unknown vendor: [SDK names]})."""
    index = _vendor_index(Party.objects.filter(voided_at__isnull=True, institution=institution))
    existing = set(
        Relation.objects.filter(party__institution=institution, purpose=Purpose.SDK).values_list(
            "party_id", "app_id", "version_id", "sdk_id"
        )
    )
    added, unknown = 0, defaultdict(set)
    uses = SdkUse.objects.filter(version__app__institution=institution).select_related("version")
    for use in uses:
        if not use.vendor:
            continue
        party = index.get(use.vendor.strip().casefold())
        if party is None:
            unknown[use.vendor].add(use.name)
            continue
        key = (party.pk, use.version.app_id, use.version_id, use.sdk_id)
        if key in existing:
            continue
        relation = Relation(
            party=party,
            app_id=use.version.app_id,
            version=use.version,
            purpose=Purpose.SDK,
            sdk_id=use.sdk_id,
            description=use.name,
        )
        core.save(relation, actor)
        existing.add(key)
        added += 1
    return added, {vendor: sorted(names) for vendor, names in sorted(unknown.items())}


def unknown_vendors(user) -> dict:
    """{vendor: [SDK names]} of the SDKs the user may see whose vendor no party of the register goes by."""
    index = _vendor_index(Party.objects.for_user(user).filter(voided_at__isnull=True))
    unknown = defaultdict(set)
    for vendor, name in SdkUse.objects.for_user(user).values_list("vendor", "name").distinct():
        if vendor and vendor.strip().casefold() not in index:
            unknown[vendor].add(name)
    return {vendor: sorted(names) for vendor, names in sorted(unknown.items())}


def link_all() -> str:
    from appgov.core.models import Institution

    total = 0
    for institution in Institution.objects.all():
        total += link_sdk_vendors(institution)[0]
    return f"{total} SDK relations added"
