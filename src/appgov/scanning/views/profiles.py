"""The institution's scan profile page and the app's personal-information inventory form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views.helpers import apply_service_errors, get_scoped, history_entries, require_write
from appgov.ledger.models import MobileApp

from ..forms import PrivacyInventoryForm, ScanProfileForm
from ..models import AppPrivacyInventory, ScanProfile
from ..profiles import pi_categories, privacy_inventories, scan_profiles


@login_required
def profile(request):
    """An institution's users see their profile (writers edit it); an examiner sees those of the jurisdiction."""
    profiles = scoped(ScanProfile, request.user).select_related("institution").order_by("institution__name")
    own = (
        profiles.filter(institution_id=request.user.institution_id).first()
        if request.user.institution_id
        else None
    )
    may_edit = bool(request.user.institution_id) and can_write(request.user, "scanning.scanprofile")
    form = None
    if request.method == "POST":
        require_write(request.user, ScanProfile)
        form = ScanProfileForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                if own is None:
                    scan_profiles.create(request.user, form.service_data())
                else:
                    scan_profiles.update(own, request.user, form.service_data())
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(
                    request, _("Scan profile saved; scans made before this change no longer count.")
                )
                return redirect("scanning:profile")
    elif may_edit:
        form = ScanProfileForm(profile=own)
    return render(
        request,
        "scanning/profile.html",
        {
            "profiles": profiles,
            "own": own,
            "form": form,
            "history": history_entries(own) if own else [],
        },
    )


def inventory_block(app, request) -> dict:
    """The app page's block (registered for ledger.mobileapp in apps.py): declared categories and the form."""
    inventory = AppPrivacyInventory.objects.filter(app=app).first()
    labels = pi_categories()
    editable = (
        can_write(request.user, "scanning.appprivacyinventory")
        and request.user.institution_id == app.institution_id
    )
    return {
        "inventory": inventory,
        "declared": [(c, labels.get(c, c)) for c in (inventory.categories if inventory else [])],
        "form": PrivacyInventoryForm(
            choices=_choices(labels), initial={"categories": inventory.categories if inventory else []}
        )
        if editable
        else None,
    }


def _choices(labels: dict) -> list[tuple[str, str]]:
    return list(labels.items())  # the label only: the code is for the API, not for the reader


@login_required
@require_POST
def inventory_edit(request, app_pk):
    app = get_scoped(MobileApp, request.user, pk=app_pk)
    require_write(request.user, AppPrivacyInventory)
    back = f"{app.get_absolute_url()}?tab=compliance"
    inventory = AppPrivacyInventory.objects.filter(app=app).first()
    # the service names an unknown category, as it does for the API
    data = {"categories": request.POST.getlist("categories")}
    try:
        if inventory is None:
            privacy_inventories.create(request.user, {"app": app, **data})
        else:
            privacy_inventories.update(inventory, request.user, data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Personal-information inventory saved."))
    return redirect(back)
