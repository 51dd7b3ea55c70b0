"""Which models the change log must see, and which hold derived data it need not (with the reason).

Every model of a project app is logged unless it is listed here; tests/changelog_guard.py fails a test in
which project code writes a logged model without a change-log entry for the written row, and
tests/clguard checks that every model is either logged or listed here, so a new model forces a decision.
"""

DERIVED: dict[str, str] = {
    "core.changelogentry": "the change log itself",
    "core.changeloghead": "the change log's tip, moved with every entry",
    "core.scheduledrun": (
        "the scheduler's bookkeeping of which daily job it enqueued; the job's own writes are logged"
    ),
    "core.processheartbeat": "a worker's or the scheduler's liveness beat every few seconds, read by /healthz",
    "users.tokenactivity": (
        "when and from where an API token was last used (like Django's last_login): access bookkeeping shown on "
        "the token page"
    ),
    "compliance.controlresult": "recomputed by every evaluation from logged facts; the evaluation is logged",
    "compliance.controlsummary": "per-evaluation counts computed from the results",
    "compliance.scheduleitem": "the compliance calendar, recomputed by every evaluation",
    "scanning.sdkuse": "the SDK inventory of a scan, part of the scan's stored report (the scan is logged)",
    "credit.monitoringrun": "a run of the rules over a day; its alerts and review days are logged",
    "risk.riskvendor": (
        "the link rows of Risk.vendors; the risk's change-log entry carries the vendors before and after"
    ),
    "operations.dailymetric": (
        "daily figures as received (millions of rows); the upload that brought them is logged with its hash, "
        "row count and days"
    ),
    "counterfeit.observedlisting": "store listings as received; the feed that brought them is logged with its hash",
}
