from .changelog import ChangeLogEntry, ChangeLogHead
from .heartbeat import ProcessHeartbeat
from .scheduling import ScheduledRun
from .tenancy import Department, Institution, Person, RegulatorOffice

__all__ = [
    "ChangeLogEntry",
    "ChangeLogHead",
    "Department",
    "Institution",
    "Person",
    "ProcessHeartbeat",
    "RegulatorOffice",
    "ScheduledRun",
]
