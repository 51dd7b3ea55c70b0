"""The lifecycle gate item that reads the release dossier (registered into appgov.ledger.gates on start-up, so
the ledger does not import risk): a release needs a complete dossier for the newest version of each platform,
and the refusal names what each lacks."""

from django.utils.translation import get_language

from appgov.ledger.gates import register_check

from .dossier_rules import release_gaps
from .models import ReleaseDossier


def _newest_versions(app) -> list:
    newest = {}
    for version in app.versions.order_by("platform", "-created_at", "-id"):
        newest.setdefault(version.platform, version)
    return list(newest.values())


@register_check("release_dossier_complete")
def release_dossier_complete(app) -> list[str]:
    versions = _newest_versions(app)
    dossiers = {d.version_id: d for d in ReleaseDossier.objects.filter(version__in=versions)}
    english = (get_language() or "").startswith("en")
    missing = []
    for version in versions:
        gaps = release_gaps(dossiers.get(version.pk))
        if not gaps:
            continue
        if english:
            missing.append(f"version {version.version_name}: " + ", ".join(g[1] for g in gaps))
        else:
            missing.append(f"版本 {version.version_name}：" + "、".join(g[0] for g in gaps))
    return missing
