"""Demo bulletins: the Zhejiang office issues one bulletin naming an SDK that a demo app's latest scan found
(so the affected app is listed by the platform), the bank answers it and the office has not decided yet; the
insurer's copy is unanswered. The demo institutions send their annual packages. The Jiangsu office sees none."""

import datetime

from django.db import transaction
from django.utils import timezone

from appgov.core.context import acting_as
from appgov.core.models import Institution, RegulatorOffice
from appgov.scanning.models import Scan
from appgov.users.models import User

from . import bulletin_services, submission_services
from .models import Bulletin, Submission


def _sdk_in_a_scan(institutions) -> tuple[str, str] | None:
    scans = Scan.objects.filter(version__app__institution__in=institutions, status=Scan.Status.DONE).order_by(
        "-finished_at"
    )
    for scan in scans:
        for sdk in (scan.report or {}).get("sdks") or ():
            if sdk.get("category") != "library":
                return sdk["id"], sdk.get("name_zh") or sdk.get("name") or sdk["id"]
    return None


@transaction.atomic
def load_bulletin_demo():
    office = RegulatorOffice.objects.filter(code="NFRA-ZJ").first()
    insts = list(Institution.objects.filter(code__in=["HZCB", "XHLIFE"]).order_by("code"))
    if office is None or len(insts) < 2 or Bulletin.objects.filter(office=office).exists():
        return
    examiner = User.objects.get(username="nfra_zj")
    today = timezone.localdate()
    found = _sdk_in_a_scan(insts)
    data = {
        "code": "ZJ-TB-2026-07",
        "answer_by": today + datetime.timedelta(days=14),
        "institutions": insts,
        "severity": "high",
    }
    if found:
        sdk_id, sdk_name = found
        data.update(
            title=f"关于 {sdk_name} 存在安全漏洞的风险通报",
            kind="sdk",
            sdk_id=sdk_id,
            body=f"经监测，第三方 SDK {sdk_name}（{sdk_id}）部分版本存在可被远程利用的安全漏洞。"
            "请各机构排查使用该 SDK 的移动应用，逐一答复：已修复、不受影响（说明理由）或整改计划及完成日期。",
        )
    else:  # no finished scan in the demo: a bulletin the institutions answer with a statement
        data.update(
            title="关于仿冒手机银行应用集中出现的风险通报",
            kind="counterfeit",
            body="近期多个应用市场出现仿冒辖内机构的手机银行应用，请各机构开展排查并说明处置情况。",
        )
    with acting_as(examiner, prefix="job-demo-bulletins"):
        bulletin = bulletin_services.bulletins.create(examiner, data)
        targets = bulletin_services.issue(bulletin, examiner)
    bank_target = next(t for t in targets if t.institution.code == "HZCB")
    bank_user = User.objects.filter(institution=bank_target.institution, role="governance_office").first()
    if bank_user is not None:
        with acting_as(bank_user, prefix="job-demo-bulletins"):
            for row in bank_target.answers.all():
                bulletin_services.answer(
                    row, bank_user, kind="plan", reason="已联系供应商获取修复版本，随下一版本发布。",
                    planned_on=today + datetime.timedelta(days=30),
                )  # fmt: skip
            bulletin_services.acknowledge(bank_target, bank_user, "已完成全部应用排查。")
            if not Submission.objects.filter(institution=bank_target.institution).exists():
                submission_services.submit(
                    bank_user, kind="annual", period_start=today.replace(month=1, day=1), period_end=today,
                    note="2026 年度移动互联网应用程序管理情况报送。",
                )  # fmt: skip
