"""Third-party register fixtures on top of the shared world: a helper that builds valid records of A."""

import datetime

import pytest

D = datetime.date
JAN_2025, END_2030, JAN_5 = D(2025, 1, 1), D(2030, 12, 31), D(2026, 1, 5)


def code(first17: str) -> str:
    from appgov.partners.models.uscc import check_character

    return first17 + check_character(first17)


@pytest.fixture
def reg(world):
    """Builders for institution A's register, through the services (so every write is logged)."""
    from appgov.partners import services

    office = world.a.office_user
    counter = iter(range(100000, 999999))

    class Builders:
        actor = office

        def party(self, name="ALPHA外包公司", kinds=("outsourced_developer",), **extra):
            data = {
                "name": name,
                "credit_code": code(f"91330100MA{next(counter):06d}X"[:17]),
                "kinds": list(kinds),
                "risk_tier": extra.pop("risk_tier", "medium"),
                **extra,
            }
            return services.parties.create(office, data)

        def qualification(self, party, kind="financial_licence", **extra):
            data = {"party": party, "kind": kind, "number": f"Q-{next(counter)}", **extra}
            return services.qualifications.create(office, data)

        def contract(self, party, starts_on=JAN_2025, ends_on=END_2030, all_clauses=True, **extra):
            clauses = {name: all_clauses for name, _zh, _en in services.Contract.CLAUSES}
            data = {
                "party": party,
                "reference": f"HT-{next(counter)}",
                "title": "外包服务合同",
                "starts_on": starts_on,
                "ends_on": ends_on,
                **clauses,
                **extra,
            }
            return services.contracts.create(office, data)

        def relation(self, party, purpose="outsourced_build", app=None, **extra):
            data = {"party": party, "app": app or world.a.app, "purpose": purpose, **extra}
            return services.relations.create(office, data)

        def admit(self, party, assessed_on=JAN_5):
            """An approved admission assessment (assessed by the office, decided by the administrator) and the
            admission move."""
            from appgov.core import workflow

            answers = {q["id"]: "yes" for q in services.questionnaire()["questions"]}
            assessment = services.assessments.create(
                office, {"party": party, "kind": "admission", "assessed_on": assessed_on, "answers": answers}
            )
            services.assessments.decide(assessment, world.a.admin, "approved")
            return workflow.transition(party, "approved", office)

        def grant(self, party, **extra):
            data = {
                "party": party,
                "person_name": "ALPHA外包员工",
                "account": f"vendor{next(counter)}",
                "system": "手机银行运维平台",
                "purpose": "maintenance",
                "level": "admin",
                "approver": world.a.admin,
                "approved_on": D(2026, 1, 2),
                "starts_on": D(2026, 1, 2),
                "ends_on": D(2026, 12, 31),
                **extra,
            }
            return services.grants.create(office, data)

    return Builders()
