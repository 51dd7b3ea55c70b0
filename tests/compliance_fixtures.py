"""Helpers for the compliance tests: complete ledger rows for an institution of the shared world, one control
run through the real registry, and larger institutions for the query-count test.

Import what you need (`from compliance_fixtures import ...`); nothing here changes the shared world of
tests/conftest.py, it only adds rows inside the calling test's transaction.
"""

import datetime

from django.utils import timezone

from appgov.compliance.context import EvaluationContext
from appgov.compliance.evaluation import catalogue, run_control
from appgov.core import services as core
from appgov.ledger.models import AppVersion, Listing, MobileApp, PublishingAccount, Vulnerability

TODAY = datetime.date(2026, 3, 2)  # a fixed "today" so ages and due dates do not depend on the clock


def today():
    return timezone.localdate()


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
