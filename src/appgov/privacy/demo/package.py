"""The demo bank's HarmonyOS package of its main app, built in pure Python (appgov.engines.packagebuild) and fed
through the real scanner, so that the privacy page shows real gaps between the policy and the package:
- it asks for the microphone (voice assistant), which the policy does not mention;
- it embeds the MSA OAID SDK (libmsaoaidsec.so), which the policy's SDK list leaves out;
- its JPush SDK (libjcore.so) collects the installed-apps list (SDK catalogue), which the policy does not disclose.
It also carries the previous edition of the policy (resources/rawfile/privacy_policy.html)."""

from pathlib import Path

from django.core.files.base import ContentFile

from appgov.engines import packagebuild

HERE = Path(__file__).parent
PACKAGED_POLICY = HERE / "packaged_policy.html"
PERMISSIONS = (
    {"name": "ohos.permission.INTERNET"},
    {"name": "ohos.permission.CAMERA", "reason": "$string:camera_reason"},
    {"name": "ohos.permission.APPROXIMATELY_LOCATION", "reason": "$string:location_reason"},
    {"name": "ohos.permission.LOCATION", "reason": "$string:location_reason"},
    {"name": "ohos.permission.READ_CONTACTS", "reason": "$string:contacts_reason"},
    {"name": "ohos.permission.ACCESS_BIOMETRIC", "reason": "$string:biometric_reason"},
    {"name": "ohos.permission.MICROPHONE", "reason": "$string:voice_assistant_reason"},
)


def demo_package(version) -> bytes:
    bundle = (version.app.harmony_bundle_names or ["cn.mhbank.mobilebank"])[0]
    return packagebuild.hap_bytes(
        bundle=bundle,
        label=version.app.name,
        version_name=version.version_name,
        version_code=version.version_code or 1,
        permissions=PERMISSIONS,
        strings=(
            "https://mbank.mhbank.example/api/v3",
            "https://static.mhbank.example/h5/index.html",
            "@ohos/jpush",
        ),
        native_libs=("libentry.so", "libjcore420.so", "libUPPayPluginEx.so", "libmsaoaidsec.so"),
        files={"resources/rawfile/privacy_policy.html": PACKAGED_POLICY.read_bytes()},
        signer=packagebuild.make_cert("Hangzhou Minghu City Commercial Bank", "杭州明湖城市商业银行"),
    )


def scan_demo_package(version, actor):
    """Attach the package to the version and run the scanner on it now (the demo has no worker running)."""
    from appgov.ledger.services import attach_package
    from appgov.scanning.models import Scan
    from appgov.scanning.services import execute_scan, request_scan

    name = f"{version.app.name}-{version.version_name}.hap"
    version = attach_package(version, ContentFile(demo_package(version), name=name), actor)
    scan = Scan.objects.filter(version=version, status=Scan.Status.QUEUED).order_by("-id").first()
    if scan is None:  # the upload signal queues one; without it, ask
        scan = request_scan(version, actor)
    return execute_scan(scan.pk)
