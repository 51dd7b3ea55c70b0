from .apps import MobileApp
from .channels import Channel, Listing, PublishingAccount
from .lifecycle import GateEvidence, LifecycleEvent
from .saved_filters import SavedFilter
from .versions import AppVersion, Vulnerability

__all__ = [
    "AppVersion",
    "Channel",
    "GateEvidence",
    "LifecycleEvent",
    "Listing",
    "MobileApp",
    "PublishingAccount",
    "SavedFilter",
    "Vulnerability",
]
