"""NFRA-09.2 (per live app): every publishing account of the app in the ledger has its operating-account record,
and every operating account (publishing and operations console) has an owner still employed, a second
administrator still employed, and a review no older than its interval. An app of which neither the ledger nor
this register knows any account is judged on uploaded evidence (its permission list and access review), as
before: the platform cannot tell that the app has no account."""

from collections import defaultdict

from appgov.core.controls.registry import SubjectType, check, failed, judge_on_evidence, passed
from appgov.ledger.models import PublishingAccount

from .models import OperatingAccount

APP = SubjectType.APP


def account_problems(account, today) -> list[tuple[str, str]]:
    found = []
    name = account.account_name
    if not account.owner.is_employed(today):
        found.append(
            (
                f"{name}：负责人{account.owner}已于 {account.owner.left_on} 离职",
                f"{name}: owner {account.owner} left on {account.owner.left_on}",
            )
        )
    if account.second_admin is None:
        found.append((f"{name}：未设第二管理员", f"{name}: no second administrator"))
    elif not account.second_admin.is_employed(today):
        found.append((f"{name}：第二管理员已离职", f"{name}: the second administrator has left"))
    if account.next_review_due is None:
        found.append((f"{name}：从未复核", f"{name}: never reviewed"))
    elif account.next_review_due < today:
        found.append(
            (
                f"{name}：复核已于 {account.next_review_due} 到期",
                f"{name}: review overdue since {account.next_review_due}",
            )
        )
    return found


@check("NFRA-09.2")
def accounts_managed(ctx, control):
    accounts = defaultdict(list)
    for account in OperatingAccount.objects.filter(
        voided_at__isnull=True, app__institution=ctx.institution
    ).select_related("owner", "second_admin"):
        accounts[account.app_id].append(account)
    publishing = defaultdict(list)
    for pub in PublishingAccount.objects.filter(app__institution=ctx.institution).select_related("channel"):
        publishing[pub.app_id].append(pub)
    evidence = None
    for app in ctx.live_apps:
        label = f"{app.code} {app.name}"
        mine = accounts.get(app.pk, [])
        covered = {a.publishing_account_id for a in mine if a.publishing_account_id}
        problems = [
            (
                f"发布账号 {p.account_name}（{p.channel}）未登记负责人及复核",
                f"Publishing account {p.account_name} ({p.channel}) has no owner or review record",
            )
            for p in publishing.get(app.pk, [])
            if p.pk not in covered
        ]
        for account in mine:
            problems += account_problems(account, ctx.today)
        links = [{"label": str(a), "url": a.get_absolute_url()} for a in mine[:5]]
        if not mine and not problems:
            if evidence is None:
                evidence = {r.subject_id: r for r in judge_on_evidence(ctx, control) if r.subject_type == APP}
            if app.pk in evidence:
                yield evidence[app.pk]
            continue
        if problems:
            yield failed(
                APP,
                app.pk,
                label,
                "；".join(p[0] for p in problems[:6]),
                "; ".join(p[1] for p in problems[:6]),
                links,
            )
        else:
            yield passed(
                APP,
                app.pk,
                label,
                f"{len(mine)} 个账号均有在职负责人和第二管理员，复核按期",
                f"{len(mine)} accounts each have an employed owner and second administrator and a review on time",
                links,
            )
