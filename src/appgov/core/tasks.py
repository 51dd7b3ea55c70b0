from .jobs import register_daily_job

# physical deletion of derived data past retention, never of a kept record (docs/retention.md)
register_daily_job("core.retention_purge", "appgov.core.retention_job.purge_derived", "03:30")
