from django_tasks import task

from appgov.core import progress
from appgov.core.context import acting_as
from appgov.core.jobs import register_daily_job
from appgov.core.zones import institution_time

register_daily_job(
    "counterfeit.sweep", "appgov.counterfeit.sweep.sweep_all_institutions", "01:30", queue="long"
)


@task(queue_name="long")  # a sweep runs for minutes: scans and evaluations must not queue behind it
def run_sweep(institution_id: int, user_id: int | None, trigger: str) -> str:
    """A sweep requested from the UI or the API ("screen now", after a feed), run by the worker."""
    from appgov.core.models import Institution
    from appgov.users.models import User

    from .sweep import sweep

    institution = Institution.objects.get(pk=institution_id)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    with acting_as(user, prefix=f"job-counterfeit-sweep-{institution_id}"), institution_time(institution):
        with progress.tracking(institution.pk, "counterfeit_sweep"):
            run = sweep(institution, trigger, user)
    return f"sweep {run.pk}: {run.status}, {run.screened} screened, {run.new_cases} new cases"
