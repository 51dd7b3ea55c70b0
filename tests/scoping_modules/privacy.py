"""The privacy module's routes for the scoping suite: B's policy (its file name carries the marker)."""

from .route import Route

OBJ_READ = dict(kind="object", reg_read=True, shows_b=True)

ROUTES = {
    "privacy:index": Route("list", reg_read=True),
    "privacy:policy-list": Route("list", reg_read=True, shows_b=True),
    "privacy:policy-detail": Route(obj="ppolicy", **OBJ_READ),
    "privacy:policy-upload": Route("list"),
    "privacy:policy-correct": Route("object", obj="ppolicy"),
    "privacy:adopt-packaged": Route("object", obj="pversion"),
    "privacypolicy-list": Route("list", reg_read=True, shows_b=True),
    "privacypolicy-detail": Route(obj="ppolicy", **OBJ_READ),
    "privacypolicy-history": Route(obj="ppolicy", **OBJ_READ),
    "privacy:correction-delete": Route("object", obj="pcorrection"),  # the void page (issue 12 item 1)
    "policycorrection-list": Route("list", reg_read=True, shows_b=True),
    "policycorrection-detail": Route(obj="pcorrection", **OBJ_READ),
    "policycorrection-history": Route(obj="pcorrection", **OBJ_READ),
}
FACTORY_KEYS = "ppolicy pcorrection pversion"
PREPARE = {"appgov.privacy": "ppolicy"}


def build_b(world) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from appgov.privacy import services
    from appgov.privacy.models import PolicyCorrection

    b = world.b
    text = (
        "ZQX银行隐私政策\n生效日期：2026年1月1日\n一、收集的信息\n我们会收集您的手机号码，用于登录ZQX服务。\n"
    )
    policy = services.upload(b.version, SimpleUploadedFile("ZQX-policy.txt", text.encode()), b.office_user)
    correction = services.corrections.create(
        b.office_user,
        {
            "policy": policy,
            "field": PolicyCorrection.Field.PI_TYPES,
            "code": "name",
            "action": "add",
            "reason": "ZQX",
        },
    )
    return {"ppolicy": policy.pk, "pcorrection": correction.pk, "pversion": b.version.pk}


def state(inst):
    from appgov.privacy.models import PolicyCorrection, PrivacyPolicy

    return (
        sorted(
            PrivacyPolicy.objects.filter(version__app__institution=inst).values_list("id", "content_hash")
        ),
        sorted(
            PolicyCorrection.objects.filter(policy__version__app__institution=inst).values_list("id", "code")
        ),
    )
