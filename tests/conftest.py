"""Shared fixtures for the Django side: two institutions under different regulator offices.

World layout (built once per test database, then every test runs inside a rolled-back transaction):

    T-HQ (headquarters)
    ├── T-P1 (provincial) ── T-P1-S (sub-office) supervises institution A (bank, marker ALPHA)
    └── T-P2 (provincial) supervises institution B (insurer, marker ZQX)

Every name and code of B contains the marker ``ZQX`` so a leak of B's data into a response of a user
of A (or of a regulator outside B's jurisdiction) shows up as that text. B has one app more than A,
so a leaked count shows too.

Django is imported lazily: engine tests under tests/engines/ also see this file and run with
``-p no:django``.
"""

import os
import shutil
import tempfile
from dataclasses import dataclass, field

import pytest
from changelog_guard import pytest_runtest_call  # noqa: F401  the change-log guard wraps every test body

_MEDIA_ROOT = tempfile.mkdtemp(prefix="appgov-test-media-")
os.environ.setdefault("APPGOV_FAST_PASSWORD_HASHER", "1")
os.environ.setdefault("APPGOV_AXES_ENABLED", "0")  # enabled per test where throttling is the subject
os.environ.setdefault("APPGOV_MEDIA_ROOT", _MEDIA_ROOT)

PASSWORD = "Test-pass-2026!x"
MARK_A, MARK_B = "ALPHA", "ZQX"
PACKAGE_BYTES = {MARK_A: b"PK\x03\x04 alpha package bytes " * 8, MARK_B: b"PK\x03\x04 zqx package bytes " * 9}
EVIDENCE_BYTES = {MARK_A: b"%PDF-1.4 alpha evidence", MARK_B: b"%PDF-1.4 zqx evidence"}


def pytest_configure(config):
    """pytest-django sets Django up before this file is imported, so the environment above comes too late
    for settings.py in this process; apply the same test settings directly (hashers, axes, media)."""
    from django.conf import settings

    if not settings.configured:  # engine tests run with -p no:django
        return
    from django.test.utils import override_settings

    override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        AXES_ENABLED=False,
        MEDIA_ROOT=_MEDIA_ROOT,
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    ).enable()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_MEDIA_ROOT, ignore_errors=True)


@dataclass
class Org:
    """One institution and everything of it the tests use."""

    mark: str
    inst: object
    office: object
    depts: dict
    people: dict
    channel: object
    app: object  # in operation, with a version, package, listing, account, vulnerability, evidence file
    app2: object  # admitted through a real lifecycle transition (so it has a lifecycle event)
    version: object
    listing: object
    account: object
    vuln: object
    evidence: object
    event: object
    users: dict = field(default_factory=dict)  # role value -> user

    @property
    def admin(self):
        return self.users["administrator"]

    @property
    def office_user(self):
        return self.users["governance_office"]


@dataclass
class World:
    a: Org
    b: Org
    reg_in: object  # examiner of B's office: sees B (read-only), not A
    reg_out: object  # examiner of A's provincial office: sees A, not B
    reg_hq: object  # headquarters: sees both
    offices: dict


OFFICES = [
    ("T-HQ", "测试总局", "headquarters", None),
    ("T-P1", "测试甲省监管局", "provincial", "T-HQ"),
    ("T-P1-S", "测试甲市监管分局", "sub_office", "T-P1"),
    ("T-P2", "测试乙省监管局", "provincial", "T-HQ"),
]


def _build_org(mark, kind, office, extra_app):
    import datetime

    from django.core.files.base import ContentFile

    from appgov.core import services as core
    from appgov.core.models import Department, Institution, Person
    from appgov.core.roles import REGULATOR_ROLES, Role
    from appgov.ledger import services
    from appgov.ledger.models import AppVersion, Channel, Listing, MobileApp, PublishingAccount, Vulnerability
    from appgov.users.models import User

    low = mark.lower()
    inst = core.save(
        Institution(
            code=f"{mark}-INST",
            name=f"{mark}金融机构",
            kind=kind,
            regulator_office=office,
            licensed_business_lines=["个人存款"],
            licensed_regions=["浙江省"],
        )
    )
    depts = {
        "OFFICE": core.save(
            Department(institution=inst, code="OFFICE", name=f"{mark}金融科技部", kind="technology")
        ),
        "BIZ": core.save(Department(institution=inst, code="BIZ", name=f"{mark}零售业务部")),
    }
    people = {
        "P001": core.save(
            Person(institution=inst, employee_no="P001", name=f"{mark}张三", department=depts["BIZ"])
        ),
        "P002": core.save(
            Person(
                institution=inst,
                employee_no="P002",
                name=f"{mark}李四",
                department=depts["BIZ"],
                left_on=datetime.date(2020, 1, 1),
            )
        ),
    }
    channel = core.save(Channel(institution=inst, name=f"{mark}应用商店", kind="app_store"))
    app = core.save(
        MobileApp(
            institution=inst,
            code=f"{mark}-APP-1",
            name=f"{mark}手机银行",
            kind="app",
            platforms=["android", "ios"],
            android_packages=[f"cn.{low}.mobile"],
            ios_bundle_ids=[f"cn.{low}.ios"],
            managing_department=depts["OFFICE"],
            responsible_person=people["P001"],
            data_owner_department=depts["BIZ"],
            business_lines=["个人存款"],
            regions=["浙江省"],
            app_filing_no=f"{mark}-FILING-1",
            privacy_policy_url=f"https://{low}.example.cn/privacy",
            complaint_channel="95000",
            state="in_operation",
        )
    )
    version = core.save(AppVersion(app=app, platform="android", version_name="1.0.0", version_code=100))
    version = services.attach_package(version, ContentFile(PACKAGE_BYTES[mark], name=f"{low}-app.apk"))
    core.save(Listing(version=version, channel=channel, state="listed"))
    core.save(
        PublishingAccount(app=app, channel=channel, account_name=f"{mark}-account", holder="institution")
    )
    core.save(Vulnerability(version=version, title=f"{mark}越权漏洞", severity="medium"))
    services.record_gate_evidence(
        app,
        "test_report",
        f"{mark}-EVID-1",
        file=ContentFile(EVIDENCE_BYTES[mark], name=f"{low}-evidence.pdf"),
    )
    app2 = core.save(
        MobileApp(
            institution=inst,
            code=f"{mark}-APP-2",
            name=f"{mark}理财小程序",
            kind="mini_program",
            platforms=["wechat"],
            mini_program_appids=[f"wx{low}0001"],
            managing_department=depts["BIZ"],
            responsible_person=people["P001"],
            data_owner_department=depts["BIZ"],
        )
    )
    services.record_gate_evidence(app2, "admission_review", f"{mark}-ADMIT-1")
    app2 = services.transition(app2, "admitted", note=f"{mark} admitted")
    if extra_app:
        core.save(
            MobileApp(
                institution=inst, code=f"{mark}-APP-3", name=f"{mark}旧版APP", kind="app", state="retired"
            )
        )
    for role in Role:
        if role in REGULATOR_ROLES:
            continue
        user = User(
            username=f"{low}_{role.value}",
            role=role,
            institution=inst,
            department=depts["OFFICE"],
            first_name=f"{mark}用户",
        )
        user.set_password(PASSWORD)
        core.save(user, exclude_validation=["password"])
    return inst


def build_world():
    from appgov.core import services as core
    from appgov.core.context import acting_as
    from appgov.core.models import RegulatorOffice
    from appgov.core.roles import Role
    from appgov.users.models import User

    with acting_as(None, prefix="job-testworld"):
        offices = {}
        for code, name, level, parent in OFFICES:
            offices[code] = core.save(
                RegulatorOffice(code=code, name=name, level=level, parent=offices.get(parent))
            )
        _build_org(MARK_A, "bank", offices["T-P1-S"], extra_app=False)
        _build_org(MARK_B, "insurer", offices["T-P2"], extra_app=True)
        for username, office in [("reg_in", "T-P2"), ("reg_out", "T-P1"), ("reg_hq", "T-HQ")]:
            user = User(username=username, role=Role.REGULATOR_EXAMINER, regulator_office=offices[office])
            user.set_password(PASSWORD)
            core.save(user, exclude_validation=["password"])


def _load_org(mark):
    from appgov.core.models import Institution
    from appgov.ledger.models import LifecycleEvent, MobileApp

    inst = Institution.objects.select_related("regulator_office").get(code=f"{mark}-INST")
    app = MobileApp.objects.get(institution=inst, code=f"{mark}-APP-1")
    app2 = MobileApp.objects.get(institution=inst, code=f"{mark}-APP-2")
    version = app.versions.get()
    return Org(
        mark=mark,
        inst=inst,
        office=inst.regulator_office,
        depts={d.code: d for d in inst.departments.all()},
        people={p.employee_no: p for p in inst.people.all()},
        channel=inst.channels.get(),
        app=app,
        app2=app2,
        version=version,
        listing=version.listings.get(),
        account=app.publishing_accounts.get(),
        vuln=version.vulnerabilities.get(),
        evidence=app.gate_evidence.get(),
        event=LifecycleEvent.objects.get(app=app2),
        users={u.role: u for u in inst.users.all()},
    )


def load_world():
    from appgov.core.models import Institution, RegulatorOffice
    from appgov.users.models import User

    if not Institution.objects.filter(code=f"{MARK_B}-INST").exists():
        build_world()  # the session copy was flushed (a transactional test ran): rebuild in this test
    regs = {u.username: u for u in User.objects.filter(username__in=["reg_in", "reg_out", "reg_hq"])}
    return World(
        a=_load_org(MARK_A),
        b=_load_org(MARK_B),
        reg_in=regs["reg_in"],
        reg_out=regs["reg_out"],
        reg_hq=regs["reg_hq"],
        offices={o.code: o for o in RegulatorOffice.objects.filter(code__startswith="T-")},
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_world()


@pytest.fixture
def world(db) -> World:
    return load_world()


@pytest.fixture
def password() -> str:
    """The password of every user of the world."""
    return PASSWORD


@pytest.fixture
def login():
    """login(user) -> a Django test client with that user's session."""
    from django.test import Client
    from second_factor import force_login  # an administrator's or examiner's session passed its TOTP

    def make(user):
        return force_login(Client(), user)

    return make


@pytest.fixture
def api():
    """api(user) -> a DRF client authenticated with the user's API token (no session)."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def make(user):
        token, _ = Token.objects.get_or_create(user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def system():
    """Run a block as the system under a job id, as commands and jobs do."""
    from appgov.core.context import acting_as

    return acting_as
