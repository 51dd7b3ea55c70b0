"""The ledger's scheduled work."""

from appgov.core.jobs import register_daily_job

register_daily_job("ledger.review_version_support", "appgov.ledger.services.review_version_support", "01:00")
