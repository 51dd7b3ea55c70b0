"""The register's coming dates for the compliance dashboard's calendar and the daily digest
(core.extensions.register_due_dates): qualifications, contracts and vendor grants ending, evaluations due."""

from django.utils.translation import gettext as _

from .selectors import expiring

CONTROL = {
    "qualification": "NFRA-04.2",
    "contract": "NFRA-14.1",
    "grant": "NFRA-14.2",
    "evaluation": "NFRA-14.1",
}
LABEL = {
    "qualification": lambda e: _("Qualification %(record)s of %(party)s expires"),
    "contract": lambda e: _("Contract %(record)s with %(party)s ends"),
    "grant": lambda e: _("Vendor access %(record)s of %(party)s ends"),
    "evaluation": lambda e: _("Periodic evaluation of %(party)s is due"),
}


def due_dates(institution, today) -> list[dict]:
    return [
        {
            "due_on": e.day,
            "label": LABEL[e.kind](e) % {"record": e.record, "party": e.party.name},
            "url": e.party.get_absolute_url(),
            "control_id": CONTROL[e.kind],
        }
        for e in expiring(None, today, institution=institution)
    ]
