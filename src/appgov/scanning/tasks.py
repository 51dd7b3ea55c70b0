from django_tasks import task

from appgov.core.context import acting_as


@task()
def run_scan(scan_id: int) -> str:
    from .services import execute_scan

    with acting_as(None, prefix=f"job-scan-{scan_id}"):
        scan = execute_scan(scan_id)
    return f"scan {scan_id}: {scan.status}"
