"""The look-alike engine's signal names by what they mean, for the case page (the engine stores codes)."""

from django.utils.translation import gettext_lazy as _

SIGNALS = {
    "brand_keyword": _("Brand keyword in the name"),
    "certificate_mismatch": _("Official package id signed with another certificate"),
    "developer_claimed_unverified": _("Claims the official developer, not verified"),
    "developer_distinct_entity": _("Developer is a different entity"),
    "developer_impersonation": _("Developer name of the institution on a non-official certificate"),
    "developer_mismatch": _("Developer differs from the official one"),
    "icon_phash": _("Icon looks like the official icon"),
    "icon_value_phash": _("Icon brightness pattern like the official icon"),
    "icon_masked_phash": _("Icon partly like the official icon"),
    "icon_keypoints": _("Icon matches the official icon point by point"),
    "icon_in_place": _("Icon laid on the official icon: edges in place"),
    "icon_redrawn": _("Official icon redrawn in another style: contours in place"),
    "name_doubled": _("Official name repeated"),
    "name_homoglyph": _("Name with look-alike characters"),
    "name_homophone": _("Name with same-sounding characters"),
    "name_identical": _("Name identical to the official name"),
    "name_similarity": _("Name similar to the official name"),
    "name_squat": _("Name built around the official name"),
    "official_certificate_unregistered": _("Official certificate, package not registered"),
    "verified_publisher_unregistered": _("Published by the institution's verified account, not registered"),
    "official_name_contained": _("Contains the official name"),
    "official_package_unverified": _("Official package id, certificate not verified"),
    "package_squat": _("Package id imitating the official one"),
    "package_token_reuse": _("Package id reusing the official one's parts"),
    "pinyin_initials": _("Pinyin initials of the official name"),
    "pinyin_spelling": _("Pinyin spelling of the official name"),
}

DETAILS = {
    "official_certs": _("official certificates"),
    "official_package": _("official package id"),
    "registered_packages": _("registered packages"),
    "package": _("package id"),
    "source": _("source"),
    "certificate": _("certificate"),
    "deformation": _("kind of change"),
    "listing_core": _("core of the listing's name"),
}


def signal_rows(reasons) -> list[dict]:
    """Each reason as {label, code, value, details: [(label, text)]} with lists joined (never a Python repr)."""
    from appgov.core.history_display import plain

    rows = []
    for reason in reasons or []:
        if not isinstance(reason, dict):
            continue
        code = reason.get("signal", "")
        details = [
            (str(DETAILS.get(k, k)), plain(v)) for k, v in reason.items() if k not in ("signal", "value")
        ]
        rows.append(
            {
                "label": str(SIGNALS.get(code, code)),
                "code": code,
                "value": plain(reason.get("value")),
                "details": details,
            }
        )
    return rows
