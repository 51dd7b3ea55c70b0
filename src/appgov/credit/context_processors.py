"""The count of open query alerts on the navigation bar, for the users who review them."""

from appgov.core.roles import Role

from .models import Alert

REVIEWERS = {Role.CREDIT_OFFICER, Role.ADMINISTRATOR, Role.AUDITOR}


def open_alerts(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.role not in REVIEWERS or user.is_regulator:
        return {}
    return {
        "credit_open_alerts": Alert.objects.for_user(user).filter(disposition=Alert.Disposition.OPEN).count()
    }
