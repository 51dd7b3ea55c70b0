from .changelog import ChangeLogEntry, ChangeLogHead
from .scheduling import ScheduledRun
from .tenancy import Department, Institution, Person, RegulatorOffice

__all__ = [
    "ChangeLogEntry",
    "ChangeLogHead",
    "Department",
    "Institution",
    "Person",
    "RegulatorOffice",
    "ScheduledRun",
]
