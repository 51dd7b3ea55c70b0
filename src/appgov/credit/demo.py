"""Demo credit-information security data for the demo bank: branches, clerks and their accounts (through
requests and approvals), a leading group, a kiosk, authorisations, yesterday's query log run through the
engine (alerts to review), the working calendar (standard week, 2026 public holidays and 调休 days from
data/prc-holidays-2026.csv), staff subject ids and the mobile bank's credit-system connection, a dissent near its 20-day deadline, a complaint, a bulk-data request, a report.

Idempotent: nothing is added when the bank already has a leading group."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from appgov.core import services as core
from appgov.core.models import Department, Institution, Person
from appgov.ledger.models import MobileApp
from appgov.users.models import User

from . import ingestion, monitoring, services, workcalendar
from .models import (
    AccountChange,
    Authorization,
    BulkDataRequest,
    CalendarDay,
    Complaint,
    CreditAccount,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    KioskPurge,
    LeadingGroup,
    SecurityReport,
    StaffSubject,
    WorkingHours,
)

CLERKS = [
    ("C201", "周敏", "BR-XH", "loan_officer"),
    ("C202", "吴涛", "BR-XH", "card_officer"),
    ("C203", "郑洁", "BR-BJ", "loan_officer"),
    ("C204", "冯强", "BR-BJ", "counter_clerk"),
    ("C205", "陈霞", "BR-BJ", "kiosk_user"),
]


@transaction.atomic
def load_credit_demo(
    institution_code: str = "HZCB", requester: str = "bank_credit", approver: str = "bank_admin"
):
    inst = Institution.objects.filter(code=institution_code).first()
    if inst is None or LeadingGroup.objects.filter(institution=inst).exists():
        return
    officer, admin = User.objects.get(username=requester), User.objects.get(username=approver)
    rng = random.Random(102)
    today = timezone.localdate()
    branches = {
        code: Department.objects.get_or_create(
            institution=inst, code=code, defaults={"name": name, "kind": "branch"}
        )[0]
        for code, name in (("BR-XH", "西湖支行"), ("BR-BJ", "滨江支行"))
    }
    people, accounts = {}, {}
    since = timezone.now() - datetime.timedelta(days=60)
    for no, name, branch, role in CLERKS:
        person = Person.objects.filter(institution=inst, employee_no=no).first() or core.save(
            Person(
                institution=inst, employee_no=no, name=name, department=branches[branch], position="客户经理"
            )
        )
        people[no] = person
        change = services.request_account(
            institution=inst,
            operator_id=f"ZX{no}",
            person=person,
            branch=branches[branch],
            role=role,
            reason="岗位需要开通征信查询权限",
            actor=officer,
        )
        services.approve_change(change, admin, "符合最小授权")
        # the accounts were opened two months ago (demo history)
        AccountChange.objects.filter(pk=change.pk).update(decided_at=since, requested_at=since)
        CreditAccount.objects.filter(pk=change.account_id).update(
            active_since=since, password_changed_at=since
        )
        accounts[no] = CreditAccount.objects.get(pk=change.account_id)
    # a clerk who left last week but still holds an active account (PBC102-02.3 finding)
    core.update(people["C204"], None, left_on=today - datetime.timedelta(days=7))
    services.request_change(accounts["C203"], "change_role", "转岗信用卡审批", officer, "card_officer")
    head = Person.objects.filter(institution=inst).exclude(employee_no__startswith="C2").first()
    core.save(
        LeadingGroup(
            institution=inst,
            established_on=datetime.date(2024, 3, 1),
            document_reference="明湖银发〔2024〕12号",
            first_responsible=head,
            first_responsible_title="分管征信工作副行长",
        )
    )
    kiosk = core.save(
        Kiosk(
            institution=inst,
            terminal_id="KIOSK-BJ-01",
            branch=branches["BR-BJ"],
            location="滨江支行营业厅",
            network_segment="10.86.20.0/24",
            open_from=datetime.time(8, 30),
            open_to=datetime.time(17, 30),
            supplier="杭州信查自助设备有限公司",
            contract_reference="采购合同 HT-2024-087",
            confidentiality_clause=True,
            owner=people["C205"],
            kiosk_account=accounts["C205"],
        )
    )
    core.save(
        KioskPurge(
            kiosk=kiosk,
            purged_on=today - datetime.timedelta(days=20),
            performed_by="陈霞",
            witness="冯强",
            record_reference="清理记录 QL-2026-03",
        )
    )
    # the working calendar: the bank's standard week and the 2026 public holidays / 调休 days (editable)
    for weekday in range(1, 8):
        workday = weekday <= 5
        workcalendar.save_hours(
            WorkingHours(
                institution=inst,
                weekday=weekday,
                is_workday=workday,
                work_start=datetime.time(8, 30) if workday else None,
                work_end=datetime.time(17, 30) if workday else None,
            ),
            officer,
        )
    workcalendar.save_hours(  # 滨江支行 also opens on Saturday mornings
        WorkingHours(
            institution=inst,
            branch=branches["BR-BJ"],
            weekday=6,
            work_start=datetime.time(9),
            work_end=datetime.time(12),
        ),
        officer,
    )
    workcalendar.load_prc_holidays(inst, officer)
    # staff credit subject ids (Q10) and the mobile bank's connection to the credit system (Q04)
    for no in ("C201", "C202", "C203"):
        services.save_staff_subject(StaffSubject(person=people[no], subject_pseudonym=f"STAFF-{no}"), officer)
    mobile = MobileApp.objects.filter(institution=inst).order_by("pk").first()
    if mobile is not None:
        services.save_app_connection(
            CreditAppConnection(
                app=mobile,
                client_app_id="hzcb.mobile.credit",
                approval_reference="征信系统接入审批 明湖银发〔2024〕31号",
                approved_from=datetime.date(2024, 6, 1),
            ),
            officer,
        )
    day = today - datetime.timedelta(days=1)
    closed = set(
        CalendarDay.objects.filter(institution=inst, branch__isnull=True, is_workday=False).values_list(
            "date", flat=True
        )
    )
    open_weekends = set(
        CalendarDay.objects.filter(institution=inst, branch__isnull=True, is_workday=True).values_list(
            "date", flat=True
        )
    )
    while (day.weekday() >= 5 and day not in open_weekends) or day in closed:  # the last working day
        day -= datetime.timedelta(days=1)
    rows, subject, applications = [], 0, []
    signed = timezone.make_aware(
        datetime.datetime.combine(day - datetime.timedelta(days=3), datetime.time(9))
    )
    for hour in range(9, 17):
        for no in ("C201", "C202", "C203"):
            subject += 1
            reason = {"C201": "贷款审批", "C202": "信用卡审批", "C203": "贷款审批"}[no]
            auth_no = f"SQ-{day:%Y%m%d}-{subject:04d}"
            if subject % 7:  # every seventh query has no archived authorisation (Q01)
                core.save(
                    Authorization(
                        institution=inst,
                        authorization_no=auth_no,
                        subject_pseudonym=f"P{subject:06d}",
                        purpose=reason,
                        signed_at=signed,
                        valid_from=signed,
                        branch=accounts[no].branch,
                    )
                )
            minute = 0 if (hour, no) == (10, "C201") else rng.randint(0, 59)
            if subject % 11:  # every eleventh approval query has no application behind it (Q03)
                product = "credit_card" if reason == "信用卡审批" else "loan"
                applications.append(f"P{subject:06d},{accounts[no].branch.code},{day} 08:00:00,{product}")
            rows.append(
                (
                    f"EV{day:%Y%m%d}{subject:05d}",
                    f"{day} {hour:02d}:{minute:02d}:00",
                    f"ZX{no}",
                    accounts[no].branch.code,
                    f"P{subject:06d}",
                    reason,
                    "counter",
                    "",
                    f"T-{no}",
                    f"10.86.1.{int(no[-1])}",
                    auth_no,
                    "personal",
                )
            )
    rows.append(
        (
            f"EV{day:%Y%m%d}90001",
            f"{day} 21:40:00",
            "ZXC204",
            "BR-BJ",
            "P900001",
            "本人查询",
            "counter",
            "",
            "T-C204",
            "10.86.1.4",
            "",
            "personal",
        )
    )  # the leaver, after hours
    rows.append(
        (
            f"EV{day:%Y%m%d}90002",
            f"{day} 10:03:00",
            "ZXC201",
            "BR-XH",
            "P900002",
            "本人查询",
            "counter",
            "",
            "T-C999",
            "10.86.9.9",
            "",
            "personal",
        )
    )  # the same account on another terminal (Q06)
    header = "event_id,ts,operator_id,branch_id,subject_id,reason_code,channel,client_app_id,terminal_id,ip,authorization_id,product"
    data = "\n".join([header] + [",".join(r) for r in rows]) + "\n"
    ingestion.ingest(inst, f"query_events_{day:%Y%m%d}.csv", data.encode(), actor=officer)
    apps_csv = "\n".join(["subject_id,branch_id,applied_at,product", *applications]) + "\n"
    ingestion.ingest(
        inst,
        f"loan_applications_{day:%Y%m%d}.csv",
        apps_csv.encode(),
        table="loan_applications",
        actor=officer,
    )
    monitoring.run_day(inst, day)
    core.save(
        DissentCase(
            institution=inst,
            reference="YY-2026-031",
            subject_pseudonym="P000123",
            received_on=today - datetime.timedelta(days=17),
            content="信息主体称其2025年11月信用卡逾期记录系银行系统扣款失败所致",
            branch=branches["BR-XH"],
            security_lead=True,
        )
    )
    core.save(
        Complaint(
            institution=inst,
            reference="TS-2026-009",
            received_on=today - datetime.timedelta(days=5),
            channel="95588 热线",
            summary="客户质疑其信用报告被陌生机构查询",
            security_lead=True,
        )
    )
    core.save(
        BulkDataRequest(
            institution=inst,
            reference="PL-2026-002",
            purpose="零售信贷评分卡模型年度验证（合法、正当、必要）",
            data_scope="2025 年度放款客户脱敏征信特征 12 万条",
            recipient="风险管理部模型验证组",
            requested_by=officer,
            requested_on=today - datetime.timedelta(days=3),
            retention_until=today + datetime.timedelta(days=60),
        )
    )
    core.save(
        SecurityReport(
            institution=inst,
            kind=SecurityReport.Kind.RULES_FILING,
            submitted_on=datetime.date(2024, 4, 15),
            submitted_to="中国人民银行浙江省分行",
            reference="征信内控及问责制度报备 2024",
        )
    )
    core.save(
        SecurityReport(
            institution=inst,
            kind=SecurityReport.Kind.STATUS_REPORT,
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
            submitted_on=today - datetime.timedelta(days=40),
            submitted_to="中国人民银行浙江省分行",
            reference="2025 年度征信信息安全情况报告",
            issues_found=2,
        )
    )
