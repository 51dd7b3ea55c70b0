"""Uploading a version's package from its page (an APK, IPA, HAP, or a mini-program's .wxapkg / ZIP of its
packages): the ledger stores it after reading it (ledger.services.attach_package), and the upload queues the
scan the worker runs (apps.py, package_attached)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from appgov.core.views.helpers import get_scoped, require_write
from appgov.ledger import services as ledger_services
from appgov.ledger.models import AppVersion


class PackageUploadForm(forms.Form):
    package = forms.FileField(label=gettext_lazy("package file"))


@login_required
@require_POST
def package_upload(request, version_pk):
    """Another institution's version is 404; a role that may not change versions gets 403."""
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=version_pk)
    require_write(request.user, AppVersion)
    form = PackageUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the package file to upload."))
        return redirect(version.get_absolute_url())
    try:
        with transaction.atomic():
            ledger_services.attach_package(version, form.cleaned_data["package"], request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Package uploaded; the worker scans it in the background."))
    return redirect(version.get_absolute_url())
