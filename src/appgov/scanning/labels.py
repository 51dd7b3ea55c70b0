"""Labels of the scanner's codes (SDK categories, personal-information categories, severities) for pages:
the engine's reports carry codes; a zh-CN reader sees words."""

from django.utils.translation import gettext_lazy as _

SEVERITY = {
    "critical": _("Critical"),
    "high": _("High"),
    "medium": _("Medium"),
    "low": _("Low"),
    "info": _("Info"),
}

SDK_CATEGORY = {
    "ab_testing": _("A/B testing"),
    "ads": _("Advertising"),
    "analytics": _("Analytics"),
    "app_framework": _("App framework"),
    "audio_video": _("Audio and video"),
    "backend_cloud": _("Cloud backend"),
    "cloud_storage": _("Cloud storage"),
    "crash_reporting": _("Crash reporting"),
    "customer_service": _("Customer service"),
    "debug_tool": _("Debugging tool"),
    "device_fingerprint_risk": _("Device fingerprint and risk control"),
    "hotfix_dynamic_code": _("Hot fix and dynamic code"),
    "instant_messaging": _("Instant messaging"),
    "library": _("Library"),
    "login_share": _("Login and sharing"),
    "maps_location": _("Maps and location"),
    "network": _("Networking"),
    "ocr_face_liveness": _("OCR, face and liveness"),
    "payment": _("Payment"),
    "push": _("Push notifications"),
    "session_replay": _("Session replay"),
    "voice": _("Voice"),
    "webview_kernel": _("WebView kernel"),
}

PERSONAL_INFORMATION = {
    "account_info": _("account information"),
    "biometric_face": _("facial biometrics"),
    "camera": _("camera"),
    "crash_logs": _("crash logs"),
    "device_identifiers": _("device identifiers"),
    "device_info": _("device information"),
    "identity_document": _("identity documents"),
    "installed_apps": _("installed apps"),
    "location": _("location"),
    "microphone": _("microphone"),
    "network_info": _("network information"),
    "payment_info": _("payment information"),
    "phone_number": _("phone number"),
    "photos_media": _("photos and media"),
    "sensor_data": _("sensor data"),
    "usage_behavior": _("usage behaviour"),
    "voice": _("voice"),
}


def label(mapping: dict, code) -> str:
    return str(mapping.get(code, code)) if code else ""
