"""Seeds a small installation for the backup test (run with `appgov shell -c`): an institution, a department,
an app and gate evidence with a file, all written through the services (so the change log holds them)."""

from django.core.files.base import ContentFile

from appgov.core import services as core
from appgov.core.context import acting_as
from appgov.core.models import Department, Institution, RegulatorOffice
from appgov.ledger import services
from appgov.ledger.models import MobileApp

with acting_as(None, prefix="seed"):
    office = core.save(RegulatorOffice(code="BK-HQ", name="备份测试监管局", level="headquarters"))
    inst = core.save(Institution(code="BK-INST", name="备份测试银行", kind="bank", regulator_office=office))
    core.save(Department(institution=inst, code="BK-BIZ", name="零售业务部"))
    app = core.save(
        MobileApp(institution=inst, code="BK-APP-1", name="备份手机银行", kind="app", platforms=["android"])
    )
    services.record_gate_evidence(
        app, "test_report", "BK-EVID-1", file=ContentFile(b"%PDF-1.4 backup evidence", name="bk-report.pdf")
    )
