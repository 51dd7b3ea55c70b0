from . import metrics, rationalisation, reports
from .index import index

__all__ = ["index", "metrics", "rationalisation", "reports"]
