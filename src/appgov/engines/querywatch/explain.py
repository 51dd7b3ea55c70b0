"""Chinese explanations of alerts, built from the alert row and the rule's parameters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .config import RuleSettings

CHANNEL_NAMES = {"counter": "柜面", "web": "网页端", "api": "接口", "app": "移动应用", "kiosk": "自助查询机"}


def _time(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "（无）" if value is None else str(value)


def _hhmm(minutes: int | None) -> str:
    return "（无）" if minutes is None else f"{minutes // 60:02d}:{minutes % 60:02d}"


def _names(values: list | None, limit: int = 8) -> str:
    values = [v for v in (values or []) if v is not None]
    shown = "、".join(str(v) for v in values[:limit])
    return shown + (f" 等{len(values)}个" if len(values) > limit else "")


def _who(row: dict) -> str:
    return f"操作员 {row['operator_id']}（机构 {row['branch_id']}）"


def _q01(row: dict, rule: RuleSettings) -> str:
    head = f"{_who(row)}于 {_time(row['ts'])} 以“{row['d_reason_code']}”查询主体 {row['subject_id']}，"
    auth = row.get("d_authorization_id")
    tails = {
        "missing": "未关联任何授权书。该查询原因须取得信息主体书面授权。",
        "unknown": f"所引用的授权 {auth} 在授权档案中不存在。",
        "other_subject": f"所引用的授权 {auth} 属于其他信息主体。",
        "purpose_mismatch": f"所引用的授权 {auth} 约定用途为“{row.get('d_purpose')}”，与查询原因不符。",
        "signed_after_query": f"所引用的授权 {auth} 签署时间晚于查询时间。",
        "not_yet_valid": f"所引用的授权 {auth} 自 {_time(row.get('d_valid_from'))} 起才生效。",
        "expired": f"所引用的授权 {auth} 已于 {_time(row.get('d_valid_to'))} 到期。",
        "other_branch": f"所引用的授权 {auth} 不是由查询机构留存的。",
    }
    return head + tails[row["reason"]]


def _q02(row: dict, rule: RuleSettings) -> str:
    head = f"{_who(row)}于 {_time(row['ts'])} 以“{row['d_reason_code']}”查询主体 {row['subject_id']}，"
    if row["reason"] == "no_relationship":
        return head + "但该主体与本机构无任何信贷业务关系，贷后管理查询无依据。"
    return head + "但查询时该主体不在任何信贷业务关系的存续期内（关系尚未开始或已结清）。"


def _q03(row: dict, rule: RuleSettings) -> str:
    params = rule.params
    return (
        f"{_who(row)}于 {_time(row['ts'])} 以“{row['d_reason_code']}”查询主体 {row['subject_id']}，"
        f"但查询前 {params['days_before']} 天至查询后 {params['minutes_after']} 分钟内无该主体的相应业务申请。"
    )


def _q04(row: dict, rule: RuleSettings) -> str:
    channel = row.get("d_channel")
    channel_text = CHANNEL_NAMES.get(channel, channel)
    head = f"{_who(row)}于 {_time(row['ts'])} 通过{channel_text}渠道查询主体 {row['subject_id']}，"
    app = row.get("d_client_app_id")
    tails = {
        "channel_not_allowed": f"渠道“{channel}”不在认可的接入渠道之列。",
        "app_missing": "未标识发起查询的客户端应用，无法确认其已获认可。",
        "app_not_approved": f"客户端应用 {app} 未经认可接入征信系统。",
        "app_approval_not_current": f"客户端应用 {app} 在查询时不在认可有效期内。",
    }
    return head + tails[row["reason"]]


def _q05(row: dict, rule: RuleSettings) -> str:
    head = f"于 {_time(row['ts'])} 在机构 {row['branch_id']} 使用账户 {row['operator_id']} 查询主体 {row['subject_id']}，"
    tails = {
        "unknown": "该账户不在征信系统用户名册中。",
        "outside_validity": "查询时该账户不在有效期内（尚未开通或已注销）。",
        "disabled": f"查询时该账户状态为“{row.get('d_status')}”，未处于启用状态。",
        "person_left": f"账户持有人 {row.get('d_person_id')} 已于 {_time(row.get('d_left_at'))} 离职，账户未及时停用。",
        "person_moved": (
            f"账户持有人 {row.get('d_person_id')} 已于 {_time(row.get('d_moved_at'))} 调至机构 "
            f"{row.get('d_new_branch_id')}，原机构 {row.get('d_account_branch_id')} 的账户仍在使用。"
        ),
    }
    return head + tails[row["reason"]]


def _q06(row: dict, rule: RuleSettings) -> str:
    return (
        f"操作员账户 {row['operator_id']} 在 {_time(row['ts'])} 至 {_time(row.get('d_last_ts'))} 间，"
        f"相邻查询间隔不足 {rule.params['window_minutes']} 分钟却来自不同终端或IP"
        f"（终端：{_names(row.get('d_terminals'))}；IP：{_names(row.get('d_ips'))}），"
        f"共 {len(row['event_ids'])} 笔查询，疑似多人共用账户。"
    )


def _q07(row: dict, rule: RuleSettings) -> str:
    head = f"{_who(row)}于 {_time(row['ts'])} 查询主体 {row['subject_id']}，"
    if row["reason"] == "non_working_day":
        name = row.get("d_day_name")
        return head + (f"当日为非工作日（{name}）。" if name else "当日为非工作日。")
    hours = f"{_hhmm(row.get('d_work_start'))}–{_hhmm(row.get('d_work_end'))}"
    return head + f"不在当日工作时间 {hours} 内。"


def _q08(row: dict, rule: RuleSettings) -> str:
    params = rule.params
    head = (
        f"操作员账户 {row['operator_id']} 自 {_time(row['ts'])} 起，"
        f"{params['window_minutes']} 分钟滑动窗口内查询量最高达 {row['d_max_in_window']} 笔，"
    )
    if row["reason"] == "over_absolute_cap":
        return head + f"达到绝对上限 {params['absolute_cap']} 笔。"
    expected = row.get("d_expected")
    if expected is None:
        return head + "明显高于其自身基线。"
    return head + f"达到其自身基线（同窗口约 {expected:.1f} 笔）的 {params['baseline_multiplier']} 倍以上。"


def _q09(row: dict, rule: RuleSettings) -> str:
    return (
        f"主体 {row['subject_id']} 于 {_time(row['ts'])} 至 {_time(row.get('last_ts'))} 间"
        f"被 {len(row.get('d_operators') or [])} 名操作员（{_names(row.get('d_operators'))}）、"
        f"{len(row.get('d_branches') or [])} 家机构（{_names(row.get('d_branches'))}）查询，"
        f"共 {len(row['event_ids'])} 笔；任意 {rule.params['window_minutes']} 分钟内最多"
        f" {row.get('d_max_operators')} 名操作员、{row.get('d_max_branches')} 家机构"
        f"（阈值 {rule.params['min_operators']} 名操作员或 {rule.params['min_branches']} 家机构）。"
    )


def _q10(row: dict, rule: RuleSettings) -> str:
    head = f"{_who(row)}于 {_time(row['ts'])} 以“{row['d_reason_code']}”查询主体 {row['subject_id']}，"
    if row["reason"] == "own_record":
        return head + "该主体为操作员本人，操作员不得查询本人信用报告。"
    return head + f"该主体为本机构员工（人员 {row.get('d_person_id')}），未按内部员工查询流程办理。"


def _q11(row: dict, rule: RuleSettings) -> str:
    return (
        f"操作员账户 {row['operator_id']} 于 {_time(row['ts'])} 至 {_time(row.get('last_ts'))} 间"
        f"查询了 {row['d_subjects']} 个不同主体、共 {len(row['event_ids'])} 笔，"
        f"任意 {rule.params['window_minutes']} 分钟内最多 {row['d_max_in_window']} 个不同主体"
        f"（阈值 {rule.params['min_distinct_subjects']}），疑似批量采集或账户被盗用。"
    )


def _q12(row: dict, rule: RuleSettings) -> str:
    terminal = row.get("d_terminal_id")
    head = f"于 {_time(row['ts'])} 在机构 {row['branch_id']} 通过自助查询机 {terminal or '（未标识）'} 查询主体 {row['subject_id']}，"
    tails = {
        "unregistered_kiosk": "该终端未在自助查询机台账中登记。",
        "other_branch": f"该查询机登记在机构 {row.get('d_kiosk_branch_id')}。",
        "outside_hours": f"不在该查询机开放时间 {_hhmm(row.get('d_open_from'))}–{_hhmm(row.get('d_open_to'))} 内。",
        "outside_segment": f"来源IP {row.get('d_ip') or '（无）'} 不在该查询机专用网段 {row.get('d_segment')} 内。",
    }
    return head + tails[row["reason"]]


def _q13(row: dict, rule: RuleSettings) -> str:
    head = f"操作员账户 {row['operator_id']} 于 {_time(row['ts'].date())} 查询 {row['d_queries']} 笔，"
    if row["reason"] == "no_password_date":
        return head + "但无密码修改记录，无法确认密码已按规定定期更换。"
    return head + (
        f"其密码最近一次修改于 {_time(row.get('d_password_changed_at'))}，"
        f"超过 {rule.params['max_password_age_days']} 天的更换期限。"
    )


DOCUMENT_FIELD_NAMES = {"requester": "申请人", "document_no": "文书编号", "scope": "查询范围"}


def _q14(row: dict, rule: RuleSettings) -> str:
    missing = "、".join(DOCUMENT_FIELD_NAMES.get(name, name) for name in row.get("d_missing_fields") or [])
    return (
        f"{_who(row)}于 {_time(row['ts'])} 以“{row['d_reason_code']}”查询主体 {row['subject_id']}，"
        f"所引用的存档申请文书 {row.get('d_authorization_id')} 缺少{missing}，无法核实查询依据。"
    )


EXPLAINERS = {
    "Q01": _q01,
    "Q02": _q02,
    "Q03": _q03,
    "Q04": _q04,
    "Q05": _q05,
    "Q06": _q06,
    "Q07": _q07,
    "Q08": _q08,
    "Q09": _q09,
    "Q10": _q10,
    "Q11": _q11,
    "Q12": _q12,
    "Q13": _q13,
    "Q14": _q14,
}


def explain(rule: RuleSettings, row: dict) -> str:
    return EXPLAINERS[rule.rule_id](row, rule)
