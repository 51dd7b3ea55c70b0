"""Credit-query monitoring engine (PBoC 102, rules Q01–Q13), written once with Ibis, run on DuckDB or Spark.

Pure Python: no Django. See docs/engines/querywatch.md.
"""

from .alerts import ALERT_SCHEMA
from .backends import local_spark_session, make_backend
from .config import RULE_IDS, RulesConfig, RuleSettings, load_rules_config
from .errors import InputError, QueryWatchError, RulesConfigError
from .incremental import (
    IncrementResult,
    prepare_reference,
    required_history_start,
    run_increment,
    validate_events,
)
from .inputs import find_input_files
from .output import write_outputs
from .runner import QueryWatchResult, run_rules
from .schema import TABLES

__all__ = [
    "ALERT_SCHEMA",
    "RULE_IDS",
    "TABLES",
    "IncrementResult",
    "InputError",
    "QueryWatchError",
    "QueryWatchResult",
    "RuleSettings",
    "RulesConfig",
    "RulesConfigError",
    "find_input_files",
    "load_rules_config",
    "local_spark_session",
    "make_backend",
    "prepare_reference",
    "required_history_start",
    "run_increment",
    "run_rules",
    "validate_events",
    "write_outputs",
]
