"""The compliance module's scheduled work: the nightly evaluation, then the morning digest."""

from appgov.core.jobs import register_daily_job

register_daily_job(
    "compliance.evaluate_all", "appgov.compliance.evaluation.evaluate_all_institutions", "02:00"
)
register_daily_job("compliance.daily_digest", "appgov.compliance.digest.send_daily_digest", "07:30")
