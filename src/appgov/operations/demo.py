"""Demo data: the demo bank's running figures, thresholds and rationalisation, built so that NFRA-02.4, 06.1
and 09.1 each show a pass and a fail:

- 手机银行: fresh figures, a crash-rate breach that was handled → 09.1 passes; functions of its own → 06.1 passes;
- 信用卡 APP: last month's availability below the 99.5 % threshold, not handled → 09.1 fails; shares its points
  and card functions with 信用卡积分商城小程序, kept with a justification → 02.4 passes;
- 信用卡积分商城小程序: redundant with 信用卡 APP, found 40 days ago and never decided → 02.4 and 06.1 fail;
- 普惠贷款小程序: low activity, decided "optimise" with a deadline ahead → 02.4 passes;
- 企业手机银行: poor rating, "optimise" decided with a deadline that has passed → 02.4 fails;
- 明湖银行微信公众号: no figures ever, no function catalogue → 09.1 fails, 06.1 evidence needed;
- 员工移动办公: figures stopped ten days ago → 09.1 fails.

Dates are relative to the day the demo is loaded. Idempotent: nothing is added once the bank has uploads.
"""

import datetime
import random

from django.utils import timezone

from appgov.core.context import acting_as
from appgov.core.models import Institution, Person
from appgov.ledger.models import MobileApp
from appgov.users.models import User

from . import services
from .models import Candidate, MetricUpload

BANK = "HZCB"
HEALTHY = {"mau": 250000, "dau": 60000, "crash_rate": 0.15, "anr_rate": 0.05, "availability": 99.95,
           "p95_ms": 420, "rating": 4.5, "rating_count": 120, "complaints": 3, "new_installs": 800}  # fmt: skip


def _series(rng, code, days, today, **overrides):
    base = {**HEALTHY, **overrides}
    rows = []
    for n in range(days[0], days[1]):
        day = today - datetime.timedelta(days=n)
        for metric, mean in base.items():
            if callable(mean):
                value = mean(day)
            elif metric == "availability":  # the noise is on the unavailable share
                value = 100 - (100 - mean) * (1 + rng.uniform(-0.5, 0.5))
            else:
                value = mean * (1 + rng.uniform(-0.08, 0.08))
            if metric in ("dau", "mau", "rating_count", "complaints", "new_installs"):
                value = max(0, round(value))
            elif metric == "availability":
                value = min(100.0, round(value, 3))
            elif metric == "rating":
                value = min(5.0, round(value, 2))
            else:
                value = round(value, 3)
            rows.append({"app": code, "day": day.isoformat(), "metric": metric, "value": value})
    return rows


def load_operations_demo():
    inst = Institution.objects.filter(code=BANK).first()
    if inst is None or MetricUpload.objects.filter(institution=inst).exists():
        return
    users = {u.role: u for u in User.objects.filter(institution=inst)}
    office = users["governance_office"]
    today = timezone.localdate()
    rng = random.Random(17)
    apps = {a.name.removeprefix(inst.name[:4]): a for a in MobileApp.objects.filter(institution=inst)}

    def app(name):
        return apps[name]

    last_month_first = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)

    def card_availability(day):
        return 98.9 if day >= last_month_first and day < today.replace(day=1) else 99.95

    with acting_as(None, prefix="job-demo-operations"):
        rows = []
        rows += _series(rng, app("手机银行").code, (1, 130), today)
        rows += _series(rng, app("信用卡 APP").code, (1, 130), today, availability=card_availability)
        rows += _series(rng, app("企业手机银行").code, (1, 130), today, rating=2.6, mau=30000, dau=5000)
        rows += _series(rng, app("普惠贷款小程序").code, (1, 130), today, mau=600, dau=80, rating=4.1)
        rows += _series(rng, app("信用卡积分商城小程序").code, (1, 130), today, mau=40000, dau=6000)
        rows += _series(rng, app("员工移动办公").code, (10, 130), today, mau=3000, dau=2000, complaints=0)
        # a crash spike of 手机银行 three days ago (breached, then handled)
        for row in rows:
            if row["app"] == app("手机银行").code and row["metric"] == "crash_rate":
                if row["day"] == (today - datetime.timedelta(days=3)).isoformat():
                    row["value"] = 2.6
        services.metrics.receive_json(inst, office, {"rows": rows})

        for data in (
            {"name": "后台可用率月度目标", "metric": "availability", "comparison": "below", "limit": 99.5, "period": "month", "aggregate": "mean"},
            {"name": "崩溃率日上限", "metric": "crash_rate", "comparison": "above", "limit": 2.0, "period": "day"},
            {"name": "投诉日上限", "metric": "complaints", "comparison": "above", "limit": 50, "period": "day"},
        ):  # fmt: skip
            services.thresholds.thresholds.create(office, data)
        services.thresholds.evaluate(inst, today)
        crash = next(
            b
            for b in services.breaches.model.objects.filter(institution=inst)
            if b.threshold.metric == "crash_rate"
        )
        services.breaches.handle(crash, office, "版本 8.2.1 热修复已发布，崩溃率次日恢复正常")

        catalogues = {
            "手机银行": [
                "account_inquiry",
                "transfer",
                "bill_payment",
                "wealth_purchase",
                "loan_application",
            ],
            "信用卡 APP": [
                "card_management",
                "points_rewards",
                "bill_payment",
                "customer_service",
                "qr_payment",
            ],
            "信用卡积分商城小程序": ["points_rewards", "card_management", "customer_service"],
            "企业手机银行": ["account_inquiry", "transfer", "loan_repayment"],
            "普惠贷款小程序": ["loan_application", "loan_repayment"],
            "员工移动办公": ["news_marketing"],
        }
        for name, codes in catalogues.items():
            services.functions.create(office, {"app": app(name), "functions": codes})

        # the run as it was forty days ago found the candidates; the office decided some of them
        services.rationalisation.run(inst, today - datetime.timedelta(days=40))
        owner = Person.objects.filter(institution=inst, left_on__isnull=True).order_by("employee_no").first()
        candidates = {
            c.app.name.removeprefix(inst.name[:4]): c for c in Candidate.objects.filter(institution=inst)
        }

        def decide(name, kind, justification, deadline):
            if name in candidates:
                services.decisions.create(
                    office,
                    {"candidate": candidates[name], "kind": kind, "justification": justification,
                     "owner": owner, "deadline": deadline},
                )  # fmt: skip

        decide(
            "信用卡 APP", "keep", "信用卡主渠道，积分商城拟并入本应用", today + datetime.timedelta(days=60)
        )
        decide(
            "普惠贷款小程序",
            "optimise",
            "并入手机银行贷款入口前先优化获客流程",
            today + datetime.timedelta(days=45),
        )
        decide("企业手机银行", "optimise", "重做登录与转账流程，提升评分", today - datetime.timedelta(days=5))
        services.rationalisation.run(inst, today)
