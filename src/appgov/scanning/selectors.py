from .models import Scan
from .services import compare


def version_scans(version) -> dict:
    scans = list(version.scans.all()[:10])
    latest = next((s for s in scans if s.status == Scan.Status.DONE), None)
    previous = None
    if latest is not None:
        earlier = (
            Scan.objects.filter(
                version__app_id=version.app_id, version__platform=version.platform, status=Scan.Status.DONE
            )
            .exclude(version=version)
            .filter(version__created_at__lt=version.created_at)
            .order_by("-version__created_at", "-finished_at")
            .first()
        )
        previous = earlier
    return {
        "scans": scans,
        "latest": latest,
        "previous": previous,
        "diff": compare(previous.report, latest.report) if latest and previous else {},
    }
