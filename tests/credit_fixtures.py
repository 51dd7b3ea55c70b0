"""Credit objects of an institution for the scoping suite (`from credit_fixtures import make_credit_objects`).

Every object carries the institution's marker in a field its pages and API show.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone


def make_credit_objects(org) -> dict:
    from appgov.core import services as core
    from appgov.credit import ingestion, services
    from appgov.credit.models import (
        Alert,
        Authorization,
        BulkDataRequest,
        CalendarDay,
        Complaint,
        CreditAppConnection,
        DissentCase,
        Kiosk,
        MonitoringRun,
        ReviewDay,
        SecurityReport,
        StaffSubject,
        WorkingHours,
    )

    mark, inst = org.mark, org.inst
    branch = org.depts["BIZ"]
    officer, admin = org.users["credit_officer"], org.users["administrator"]
    change = services.request_account(
        institution=inst,
        operator_id=f"{mark}-OP1",
        person=org.people["P001"],
        branch=branch,
        role="loan_officer",
        reason=f"{mark} 开户",
        actor=officer,
    )
    services.approve_change(change, admin)
    change.account.refresh_from_db()
    pending = services.request_change(change.account, "disable", f"{mark} 停用", officer)
    review = services.start_access_review(inst, f"{mark} 权限复核", officer)
    day = timezone.localdate() - datetime.timedelta(days=3)
    run = MonitoringRun.objects.create(institution=inst, day=day, started_at=timezone.now(), status="done")
    rd = core.save(ReviewDay(institution=inst, day=day, branch_code=f"{mark}-BR", due_on=day, branch=branch))
    alert = Alert.objects.create(
        institution=inst,
        run=run,
        review_day=rd,
        alert_id=f"Q01-{mark}",
        rule_id="Q01",
        severity="high",
        reason="missing",
        ts=timezone.now() - datetime.timedelta(days=3),
        operator_id=f"{mark}-OP1",
        branch_code=f"{mark}-BR",
        subject_id=f"{mark}-S1",
        event_ids=[f"{mark}-E1"],
        explanation=f"{mark} 无授权查询",
    )
    csv = (
        "event_id,ts,operator_id,branch_id,subject_id,reason_code,channel,client_app_id,terminal_id,ip,"
        "authorization_id,product\n"
        f"{mark}-E1,{day} 10:00:00,{mark}-OP1,{mark}-BR,{mark}-S1,贷款审批,counter,,,,,personal\n"
    ).encode()
    batch = ingestion.ingest(inst, f"{mark.lower()}-log.csv", csv, actor=officer)
    today = timezone.localdate()
    return {
        "cday": core.save(CalendarDay(institution=inst, date=today, name=f"{mark} 假日")).pk,
        "chours": core.save(
            WorkingHours(
                institution=inst,
                branch=branch,
                weekday=1,
                work_start=datetime.time(9),
                work_end=datetime.time(17),
            )
        ).pk,
        "cstaff": core.save(StaffSubject(person=org.people["P001"], subject_pseudonym=f"{mark}-STAFF-1")).pk,
        "capp": core.save(
            CreditAppConnection(
                app=org.app,
                client_app_id=f"{mark}-CLIENT-1",
                approval_reference=f"{mark} 审批",
                approved_from=datetime.date(2026, 1, 1),
            )
        ).pk,
        "caccount": change.account.pk,
        "cchange": pending.pk,
        "creview": review.pk,
        "creviewday": rd.pk,
        "calert": alert.pk,
        "cbatch": batch.pk,
        "cauth": core.save(
            Authorization(
                institution=inst,
                authorization_no=f"{mark}-AUTH-1",
                subject_pseudonym=f"{mark}-S1",
                purpose="贷款审批",
                signed_at=timezone.now(),
                valid_from=timezone.now(),
            )
        ).pk,
        "ckiosk": core.save(Kiosk(institution=inst, terminal_id=f"{mark}-K1", branch=branch)).pk,
        "cbulk": core.save(
            BulkDataRequest(
                institution=inst,
                reference=f"{mark}-BULK-1",
                purpose="x",
                data_scope="x",
                recipient=f"{mark}部门",
                requested_by=officer,
                requested_on=day,
                retention_until=day + datetime.timedelta(days=30),
            )
        ).pk,
        "cdissent": core.save(
            DissentCase(
                institution=inst,
                reference=f"{mark}-DIS-1",
                subject_pseudonym=f"{mark}-S1",
                received_on=day,
                content="x",
            )
        ).pk,
        "ccomplaint": core.save(
            Complaint(
                institution=inst,
                reference=f"{mark}-CMP-1",
                received_on=day,
                channel="95000",
                summary=f"{mark} 投诉",
            )
        ).pk,
        "creport": core.save(
            SecurityReport(
                institution=inst,
                kind="status_report",
                submitted_on=day,
                submitted_to="人民银行",
                reference=f"{mark}-RPT-1",
                file=ContentFile(b"%PDF", name=f"{mark.lower()}.pdf"),
            )
        ).pk,
    }
