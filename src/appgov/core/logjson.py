"""Structured logs (APPGOV_LOG_FORMAT=json): one JSON object per line, with the request or job id and the
user the line was written under, for a log shipper to index."""

import datetime
import json
import logging

from .context import current_actor, current_request_id

# attributes every LogRecord has; anything else was passed through `extra=` and is logged as a field
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class RequestContextFilter(logging.Filter):
    """Adds request_id and user to every record (also for the text format)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id() or ""
        if not hasattr(record, "user"):
            actor = current_actor()
            record.user = getattr(actor, "username", "") if actor is not None else ""
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        data = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in data:
                data[key] = value if isinstance(value, str | int | float | bool | type(None)) else str(value)
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)
