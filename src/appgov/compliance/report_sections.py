"""The parts of the compliance report a bank hands to its regulator that are computed, not just listed: the
conclusion per article (executive summary) and the evidence still needed grouped per control (one row per
control with the subjects it concerns, instead of one repeated row per subject)."""

from collections import Counter, defaultdict

from .models.subjects import Outcome
from .selectors import article_of

CONCLUSION_ZH = {
    "fail": "不符合",
    "evidence": "待补充证明材料",
    "pass": "符合",
    "na": "不适用",
}


def conclusion(article: dict) -> str:
    if article["fail"]:
        return "fail"
    if article["evidence"]:
        return "evidence"
    if article["pass"]:
        return "pass"
    return "na"


def article_summary(articles: list[dict], controls) -> list[dict]:
    """Each article of the dashboard with its title (the first control's article text) and its conclusion."""
    titles = {}
    for control in controls:
        key = article_of(control.id)
        if key not in titles:
            text = (control.article_text_zh or control.title_zh or "").strip().replace("\n", "")
            titles[key] = (f"第{control.article_ref}条 " if control.article_ref else "") + (
                text[:60] + ("…" if len(text) > 60 else "")
            )
    rows = []
    for article in articles:
        code = conclusion(article)
        rows.append(
            {
                **article,
                "title": titles.get(article["article"], ""),
                "conclusion": code,
                "conclusion_zh": CONCLUSION_ZH[code],
            }
        )
    return rows


def evidence_groups(results, subjects_shown: int = 8) -> list[dict]:
    """The evidence-needed results grouped by control: the control, how many subjects, the first few subjects,
    and each distinct reason once with its count."""
    by_control: dict[str, list] = defaultdict(list)
    for row in results:
        if row.outcome == Outcome.EVIDENCE_NEEDED:
            by_control[row.control_id].append(row)
    groups = []
    for control_id, rows in sorted(by_control.items()):
        reasons = Counter(r.explanation_zh for r in rows)
        groups.append(
            {
                "control_id": control_id,
                "control": rows[0].control,
                "count": len(rows),
                "subjects": [r.subject_repr for r in rows[:subjects_shown]],
                "more": max(0, len(rows) - subjects_shown),
                "reasons": reasons.most_common(3),
            }
        )
    return groups
