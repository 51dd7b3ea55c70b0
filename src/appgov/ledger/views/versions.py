from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from appgov.core import extensions
from appgov.core.roles import can_write
from appgov.core.views.helpers import apply_service_errors, get_scoped, history_entries, require_write

from .. import services
from ..forms import AppVersionForm, ListingForm, PublishingAccountForm, VulnerabilityForm
from ..models import AppVersion, Listing, MobileApp, PublishingAccount, Vulnerability


@login_required
@require_safe
def version_detail(request, pk):
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=pk)
    return render(
        request,
        "ledger/version_detail.html",
        {
            "version": version,
            "listings": version.listings.select_related("channel"),
            "vulnerabilities": version.vulnerabilities.all(),
            "history": history_entries(version),
            **extensions.detail_context(version, request),  # scanning adds "scanning"
            "can_edit": can_write(request.user, "ledger.appversion"),
            "listing_form": ListingForm(user=request.user)
            if can_write(request.user, "ledger.listing")
            else None,
            "vulnerability_form": VulnerabilityForm(user=request.user)
            if can_write(request.user, "ledger.vulnerability")
            else None,
        },
    )


def _version_form_view(request, app, version=None):
    require_write(request.user, AppVersion)
    form = AppVersionForm(request.POST or None, request.FILES or None, instance=version, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        obj.app = app
        try:
            with transaction.atomic():
                services.save(obj, request.user)
                if form.cleaned_data.get("package_file"):
                    services.attach_package(obj, form.cleaned_data["package_file"], request.user)
        except ValidationError as exc:
            if version is None:
                obj.pk = None
            apply_service_errors(request, form, exc)
        else:
            messages.success(request, _("Saved version %(v)s.") % {"v": obj.version_name})
            return redirect("ledger:version-detail", pk=obj.pk)
    return render(request, "ledger/version_form.html", {"form": form, "app": app, "version": version})


@login_required
def version_create(request, app_pk):
    return _version_form_view(request, get_scoped(MobileApp, request.user, pk=app_pk))


@login_required
def version_edit(request, pk):
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=pk)
    return _version_form_view(request, version.app, version)


@login_required
@require_safe
def version_download(request, pk):
    version = get_scoped(AppVersion, request.user, pk=pk)
    if not version.package:
        raise Http404
    return FileResponse(
        version.package.open("rb"), as_attachment=True, filename=version.package.name.rsplit("/", 1)[-1]
    )


def _child_create(request, form_class, model, parent_field, parent, redirect_to):
    require_write(request.user, model)
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            obj = form.save(commit=False)
            setattr(obj, parent_field, parent)
            try:
                services.save(obj, request.user)
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect(redirect_to)
        else:
            messages.error(
                request,
                "；".join(
                    f"{form.fields[f].label if f in form.fields else ''} {' '.join(e)}"
                    for f, e in form.errors.items()
                ),
            )
    return redirect(redirect_to)


@login_required
def listing_create(request, version_pk):
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=version_pk)
    return _child_create(request, ListingForm, Listing, "version", version, version.get_absolute_url())


@login_required
def vulnerability_create(request, version_pk):
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=version_pk)
    return _child_create(
        request, VulnerabilityForm, Vulnerability, "version", version, version.get_absolute_url()
    )


@login_required
def account_create(request, app_pk):
    app = get_scoped(MobileApp, request.user, pk=app_pk)
    return _child_create(
        request,
        PublishingAccountForm,
        PublishingAccount,
        "app",
        app,
        f"{app.get_absolute_url()}?tab=channels",
    )


@login_required
def listing_update_state(request, pk):
    listing = get_scoped(Listing.objects.select_related("version"), request.user, pk=pk)
    require_write(request.user, Listing)
    if request.method == "POST":
        try:
            services.update(
                listing,
                request.user,
                state=request.POST.get("state", ""),
                delisted_on=request.POST.get("delisted_on") or listing.delisted_on,
            )
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("Listing updated."))
    return redirect(listing.version.get_absolute_url())
