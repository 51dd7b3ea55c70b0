"""The engine's protected apps, built from the ledger (names, identifiers, release certificates) plus the brand
profiles and per-app protections.

The index holds the apps of every institution, not only the screening one: another bank's genuine app in a
feed then matches its own entry (珠海银行 is 珠海银行, not a one-character squat of 上海银行) and a listing
signed with any registered release certificate is nobody's counterfeit. Alerts are kept only for the
screening institution's own apps (sweep.py), so nothing of another institution reaches its cases.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from appgov.engines import lookalike as engine
from appgov.ledger.models import MobileApp
from appgov.ledger.models.choices import LifecycleState
from appgov.scanning.models import ReleaseCertificate

from . import icons
from .models import AppProtection, BrandProfile
from .policy import policy

# apps whose name is public (on the stores); another institution's app in another state stays unnamed
PUBLIC_STATES = {
    LifecycleState.RELEASED,
    LifecycleState.IN_OPERATION,
    LifecycleState.RETIRING,
    LifecycleState.RETIRED,
}


@dataclass(frozen=True)
class AppInfo:
    """What the sweep needs to know about the app behind an engine app_id."""

    app_id: int
    institution_id: int
    monitored: bool
    digest: str = ""  # of everything the engine is given about the app (sweep.protection_digest)
    name: str = ""
    institution_name: str = ""
    public: bool = False  # released (its name is on the stores): may be named to another institution


def _unique(*lists) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for values in lists for v in values if v and v.strip()))


def protected_apps() -> tuple[list[engine.ProtectedApp], dict[str, AppInfo]]:
    """Every app of every institution as the engine sees it (five queries, whatever the number of apps)."""
    brands = {b.institution_id: b for b in BrandProfile.objects.all()}
    protections = {p.app_id: p for p in AppProtection.objects.all()}
    certs = defaultdict(list)
    for app_id, sha in ReleaseCertificate.objects.filter(voided_at__isnull=True).values_list(
        "app_id", "sha256"
    ):
        certs[app_id].append(sha)
    apps, info = [], {}
    for app in MobileApp.objects.select_related("institution").order_by("pk"):
        brand = brands.get(app.institution_id)
        extra = protections.get(app.pk)
        protected = engine.ProtectedApp(
            app_id=str(app.pk),
            institution=app.institution.name,
            names=_unique([app.name], extra.aliases if extra else []),
            brand_keywords=_unique(
                brand.brand_keywords if brand else [], extra.brand_keywords if extra else []
            ),
            package_ids=_unique(app.identifiers, extra.extra_package_ids if extra else []),
            developers=_unique(brand.developers if brand else []),
            cert_sha256=tuple(sorted(certs.get(app.pk, ()))),
            icon=_icon_file(extra),
            **icons.engine_fields(extra.icon_phash if extra else "", extra.icon_hashes if extra else {}),
        )
        apps.append(protected)
        monitored = extra.monitored if extra else True
        digest = hashlib.sha256(repr((protected, monitored)).encode()).hexdigest()
        info[str(app.pk)] = AppInfo(
            app.pk,
            app.institution_id,
            monitored,
            digest,
            name=app.name,
            institution_name=app.institution.name,
            public=app.state in PUBLIC_STATES,
        )
    return apps, info


def _icon_file(protection) -> str | None:
    """The stored icon (relative to MEDIA_ROOT) when its file is there: the engine then also indexes its
    cropped and recoloured variants; otherwise only the stored hash is used."""
    if protection is None or not protection.icon:
        return None
    return protection.icon.name if protection.icon.storage.exists(protection.icon.name) else None


def build_index() -> tuple[engine.LookalikeIndex, dict[str, AppInfo]]:
    apps, info = protected_apps()
    try:
        config = engine.load_config(overrides=policy()["engine"] or None)
    except engine.ConfigError as exc:
        raise ValidationError(f"APPGOV_COUNTERFEIT_POLICY engine settings: {exc}") from None
    index = engine.LookalikeIndex(
        apps, config, icons_root=settings.MEDIA_ROOT, cache_dir=settings.VAR_DIR / "cache" / "lookalike-icons"
    )
    return index, info
