"""The demo bank's main app gets a privacy policy written for the demo (demo/policy.txt) on its Android version
(not scanned: the control asks for evidence) and on its HarmonyOS version, whose package is built in pure Python
and scanned for real (demo/package.py), so the privacy page shows the gaps between the two."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

POLICY = Path(__file__).parent / "policy.txt"


def load_privacy_demo():
    from appgov.core.models import Institution
    from appgov.ledger.models import AppVersion
    from appgov.users.models import User

    from ..models import PrivacyPolicy
    from ..services import upload

    if PrivacyPolicy.objects.exists():
        return
    bank = Institution.objects.filter(name__contains="明湖").first()
    actor = User.objects.filter(institution=bank, role="governance_office").first() if bank else None
    versions = (
        AppVersion.objects.filter(app__institution=bank, app__name="杭州明湖手机银行") if bank else None
    )
    version = versions.filter(platform="android").order_by("-id").first() or (
        versions.order_by("-id").first() if versions is not None else None
    )
    if version is None or actor is None:
        return
    upload(version, SimpleUploadedFile("明湖手机银行隐私政策.txt", POLICY.read_bytes()), actor)
    harmony = versions.filter(platform="harmonyos").order_by("-id").first()
    if harmony is not None:
        from .package import scan_demo_package

        scan_demo_package(harmony, actor)
        upload(harmony, SimpleUploadedFile("明湖手机银行隐私政策.txt", POLICY.read_bytes()), actor)
