"""Helpers for the compliance tests: complete ledger rows for an institution of the shared world, one control
run through the real registry, and larger institutions for the query-count test.

Import what you need (`from compliance_fixtures import ...`); nothing here changes the shared world of
tests/conftest.py, it only adds rows inside the calling test's transaction.
"""

import datetime

from django.utils import timezone

from appgov.compliance.evaluation import catalogue, run_control
from appgov.core import services as core
from appgov.core.controls.context import EvaluationContext
from appgov.ledger.models import AppVersion, Listing, MobileApp, PublishingAccount, Vulnerability

TODAY = datetime.date(2026, 3, 2)  # a fixed "today" so ages and due dates do not depend on the clock


def today():
    return timezone.localdate()


def accepted_evidence(*args, **kwargs):
    """services.add_evidence, then accepted by the institution's compliance user: evidence counts only once a
    second person has reviewed it (issue 11 item 4)."""
    from appgov.compliance import services
    from appgov.users.models import User

    evidence = services.add_evidence(*args, **kwargs)
    reviewer = (
        User.objects.filter(institution=evidence.institution_id, role="compliance")
        .exclude(pk=evidence.uploaded_by_id)
        .first()
    )
    return services.review_evidence(evidence, reviewer, "accept")


def control(control_id):
    return catalogue().by_id(control_id)


def run(inst, control_id, day=None):
    """Every result of one control for the institution, computed by the registered check (or evidence)."""
    ctx = EvaluationContext(inst, day or today())
    return run_control(ctx, control(control_id))


def result_for(inst, control_id, subject_id, day=None, subject_type=None):
    """The one result of a control for one subject (app, version or institution id)."""
    found = [
        r
        for r in run(inst, control_id, day)
        if r.subject_id == subject_id and (subject_type is None or r.subject_type == subject_type)
    ]
    assert len(found) == 1, f"{control_id}: expected one result for subject {subject_id}, got {found}"
    return found[0]


# What world A fails: no leading department, app2's ledger fields, app's admission and release review; since
# issue 13 also the app's missing ICP filing (11.1), release certificate (12.4) and per-version privacy notice (16.2).
# issue 17 (operations): no experience assessment (06.2), the ledger's publishing account without its owner
# record (09.2), no OS release tracked (10.1)
WORLD_A_FAILS = {
    "NFRA-01.2",
    "NFRA-02.1",
    "NFRA-02.2",
    "NFRA-06.2",
    "NFRA-08.4",
    "NFRA-09.1",
    "NFRA-09.2",
    "NFRA-10.1",
    "NFRA-11.1",
    "NFRA-12.4",
    "NFRA-16.2",
}


def make_app(org, code, **fields):
    """A complete, admitted-looking app of the org, in operation unless told otherwise (saved with validation)."""
    low = code.lower().replace("-", "")
    values = dict(
        institution=org.inst,
        code=code,
        name=f"{org.mark}应用{code}",
        kind="app",
        platforms=["android"],
        android_packages=[f"cn.{org.mark.lower()}.{low}"],
        managing_department=org.depts["OFFICE"],
        responsible_person=org.people["P001"],
        data_owner_department=org.depts["BIZ"],
        business_lines=["个人存款"],
        regions=["浙江省"],
        app_filing_no=f"{code}-FILING",
        privacy_policy_url=f"https://{low}.example.cn/privacy",
        complaint_channel="95000",
        state="in_operation",
    )
    values.update(fields)
    return core.save(MobileApp(**values))


def make_version(app, name="1.0.0", listed_on=None, listing_state="listed", **fields):
    """A version of the app; listed on the institution's channel unless listed_on is False."""
    version = core.save(
        AppVersion(app=app, platform=fields.pop("platform", "android"), version_name=name, **fields)
    )
    if listed_on is not False:
        channel = app.institution.channels.order_by("pk").first()
        core.save(Listing(version=version, channel=channel, state=listing_state))
    return version


def add_vulnerability(version, severity, status="open", title=None):
    return core.save(
        Vulnerability(
            version=version, title=title or f"{severity}级测试漏洞", severity=severity, status=status
        )
    )


def add_account(app, holder="institution", holder_name="", channel=None):
    channel = channel or app.institution.channels.order_by("pk").first()
    return core.save(
        PublishingAccount(
            app=app, channel=channel, account_name=f"{app.code}-acct", holder=holder, holder_name=holder_name
        )
    )


def populate_institution(inst, n_apps, today_=None):
    """A realistic ledger for inst, written with bulk_create (no change log: generated test and bench data).

    Every app gets 2-3 versions, listings, publishing accounts, gate records; some versions have
    vulnerabilities; some apps and the institution have compliance evidence. The mix is decided by the
    app's index with periods of at most 10, so 10 apps already show every case and 60 or 1,000 apps only
    repeat them: the shape of the data, not its size, differs between institutions.
    """
    from appgov.compliance.models import Evidence
    from appgov.core.models import Department, Person
    from appgov.ledger.models import Channel, GateEvidence, LifecycleEvent

    day = today_ or today()
    ago = lambda n: day - datetime.timedelta(days=n)  # noqa: E731
    depts = Department.objects.bulk_create(
        [
            Department(institution=inst, code="D-TECH", name=f"{inst.name}金融科技部", kind="technology"),
            Department(institution=inst, code="D-RETAIL", name=f"{inst.name}零售业务部", kind="business"),
            Department(institution=inst, code="D-CARD", name=f"{inst.name}信用卡中心", kind="business"),
        ]
    )
    people = Person.objects.bulk_create(
        [
            Person(
                institution=inst,
                employee_no=f"E{i:04d}",
                name=f"员工{i}",
                department=depts[1 + i % 2],
                left_on=ago(30) if i % 10 == 9 else None,
            )
            for i in range(20)
        ]
    )
    channels = Channel.objects.bulk_create(
        [Channel(institution=inst, name=f"{inst.code}-渠道{i}", kind="app_store") for i in range(3)]
    )
    apps = []
    for i in range(n_apps):
        state = ["in_operation"] * 6 + ["released", "in_testing", "retiring", "retired"]
        apps.append(
            MobileApp(
                institution=inst,
                code=f"{inst.code}-A{i:05d}",
                name=f"{inst.name}应用{i}",
                kind="app",
                platforms=["android", "ios"],
                android_packages=[f"cn.bench{inst.pk}.app{i}"],
                ios_bundle_ids=[f"cn.bench{inst.pk}.ios{i}"] if i % 7 else [],
                managing_department=depts[0],
                responsible_person=people[i % len(people)],
                data_owner_department=depts[i % 3],
                business_lines=["个人存款"] if i % 9 else ["个人存款", "跨境汇款"],
                regions=["浙江省"],
                partner="合作方科技" if i % 5 == 0 else "",
                partner_contract_ref=f"HT-{i}" if i % 10 == 0 else "",
                is_important_system=i % 4 == 0,
                mlps_level=(None, 2, 3, 3)[i % 4],
                mlps_assessed_on=None if i % 4 == 0 else ago(100 + 40 * (i % 10)),
                app_filing_no=f"F-{i}" if i % 8 else "",
                privacy_policy_url=f"https://bench.example.cn/{i}/privacy",
                complaint_channel="95000" if i % 6 else "",
                state=state[i % 10],
            )
        )
    apps = MobileApp.objects.bulk_create(apps)
    versions = []
    for i, app in enumerate(apps):
        for j in range(2 + i % 2):
            versions.append(
                AppVersion(
                    app=app,
                    platform="android" if j % 2 == 0 else "ios",
                    version_name=f"{1 + j}.0.{i % 10}",
                    version_code=100 * (j + 1),
                    release_date=ago(400 - 100 * j) if app.state != "in_testing" else None,
                    support_status="supported" if j else ("retired" if i % 3 == 0 else "supported"),
                    support_ends_on=ago(10) if j == 0 and i % 3 == 1 else None,
                    change_report_ref=f"BG-{i}-{j}" if (i + j) % 3 else "",
                )
            )
    versions = AppVersion.objects.bulk_create(versions)
    app_state = {a.pk: a.state for a in apps}
    listings, vulns = [], []
    for k, version in enumerate(versions):
        if app_state[version.app_id] in ("in_testing", "retired") and k % 2:
            continue
        for c in range(1 + k % 2):
            listings.append(
                Listing(
                    version=version,
                    channel=channels[(k + c) % 3],
                    state="delisted" if k % 5 == 4 else "listed",
                )
            )
        if k % 3 == 0:
            vulns.append(
                Vulnerability(
                    version=version,
                    title=f"漏洞{k}",
                    severity=("low", "medium", "high", "critical")[k % 4],
                    status="fixed" if k % 9 == 0 else "open",
                )
            )
    Listing.objects.bulk_create(listings)
    Vulnerability.objects.bulk_create(vulns)
    accounts, gates, events, evidence = [], [], [], []
    for i, app in enumerate(apps):
        holder = "vendor" if i % 10 == 3 else "institution"
        accounts.append(
            PublishingAccount(app=app, channel=channels[0], account_name=f"acct{i}", holder=holder)
        )
        if i % 2:
            accounts.append(
                PublishingAccount(
                    app=app, channel=channels[1], account_name=f"acct{i}b", holder="institution"
                )
            )
        for item in ("admission_review", "test_report", "compliance_review", "exit_risk_assessment"):
            if (i + len(item)) % 4:
                gates.append(GateEvidence(app=app, item=item, reference=f"{item}-{i}"))
        if i % 3 == 0:
            events.append(LifecycleEvent(app=app, from_state="proposed", to_state="admitted"))
        if i % 2 == 0:
            evidence.append(
                Evidence(
                    institution=inst,
                    control_id="NFRA-17.2",
                    subject_type="app",
                    subject_id=app.pk,
                    title=f"年度风险评估{i}",
                    link=f"OA-{i}",
                    review_status="accepted",
                    effective_on=ago(30 + 50 * (i % 10)),
                    expires_on=ago(30 + 50 * (i % 10)) + datetime.timedelta(days=365),
                )
            )
        if i % 5 == 1:
            evidence.append(
                Evidence(
                    institution=inst,
                    control_id="NFRA-06.2",
                    subject_type="app",
                    subject_id=app.pk,
                    title=f"适老化评测{i}",
                    link=f"OA-B{i}",
                    review_status="accepted",
                    effective_on=ago(20),
                )
            )
    evidence.append(
        Evidence(
            institution=inst,
            control_id="NFRA-01.1",
            subject_type="institution",
            subject_id=inst.pk,
            title="数字化转型规划",
            link="OA-PLAN",
            review_status="accepted",
            effective_on=ago(200),
        )
    )
    PublishingAccount.objects.bulk_create(accounts)
    GateEvidence.objects.bulk_create(gates)
    LifecycleEvent.objects.bulk_create(events)
    Evidence.objects.bulk_create(evidence)
    return {
        "apps": len(apps),
        "versions": len(versions),
        "listings": len(listings),
        "vulnerabilities": len(vulns),
        "accounts": len(accounts),
        "gate_evidence": len(gates),
        "evidence": len(evidence),
    }
