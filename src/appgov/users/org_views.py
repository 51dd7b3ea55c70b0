"""The institution administrator's pages: the institution's licensed business scope and regions (NFRA-05.2
compares the apps with them), departments, people and user accounts. Reads are scoped; every write goes
through a service and is logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from appgov.core import services as core_services
from appgov.core.models import Department, Institution, Person
from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views.generic import void_view
from appgov.core.views.helpers import apply_service_errors, get_scoped, history_entries, require_write

from .models import User
from .org_forms import DepartmentForm, InstitutionScopeForm, PasswordSetForm, PersonForm, UserForm
from .services import users as user_service


def _save_form(request, form, service, obj, success):
    """Validate the form, write through the service; the saved object, or None with the errors on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    data = service.form_data(form)
    if "password" in form.cleaned_data:
        data["password"] = form.cleaned_data["password"]
    try:
        saved = (
            service.update(obj, request.user, data) if obj is not None else service.create(request.user, data)
        )
    except ValidationError as exc:
        apply_service_errors(request, form, exc)
        return None
    messages.success(request, success % {"name": saved})
    return saved


# ---------- the institution ----------


@login_required
@require_safe
def institution(request):
    """The institution's profile with its licensed scope; an examiner sees every institution of the office."""
    institutions = scoped(Institution, request.user).select_related("regulator_office", "leading_department")
    return render(
        request,
        "users/org/institution.html",
        {
            "institutions": institutions,
            "can_edit": can_write(request.user, "core.institution"),
            "history": history_entries(request.user.institution) if request.user.institution_id else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def institution_edit(request):
    require_write(request.user, Institution)
    inst = get_scoped(Institution, request.user, pk=request.user.institution_id)
    form = InstitutionScopeForm(request.POST or None, instance=inst, user=request.user)
    if _save_form(request, form, core_services.institutions, inst, _("Saved %(name)s.")):
        return redirect("org-institution")
    return render(
        request,
        "users/org/form.html",
        {"form": form, "title": _("Licensed scope"), "back": "org-institution"},
    )


# ---------- departments ----------


@login_required
@require_safe
def department_list(request):
    departments = (
        scoped(Department, request.user)
        .select_related("institution")
        .annotate(
            n_people=Count("people", distinct=True),
            n_apps=Count("managed_apps", distinct=True),
        )
        .order_by("institution__code", "code")
    )
    return render(
        request,
        "users/org/department_list.html",
        {
            "departments": departments,
            "can_edit": can_write(request.user, "core.department"),
            "show_institution": request.user.is_regulator,
        },
    )


def _department_form(request, obj=None):
    require_write(request.user, Department)
    form = DepartmentForm(request.POST or None, instance=obj, user=request.user)
    if _save_form(request, form, core_services.departments, obj, _("Saved %(name)s.")):
        return redirect("org-department-list")
    title = _("Edit department") if obj else _("New department")
    return render(
        request,
        "users/org/form.html",
        {
            "form": form,
            "title": title,
            "back": "org-department-list",
            "history": history_entries(obj) if obj else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def department_create(request):
    return _department_form(request)


@login_required
@require_http_methods(["GET", "POST"])
def department_edit(request, pk):
    return _department_form(request, get_scoped(Department, request.user, pk=pk))


# ---------- people ----------


@login_required
@require_safe
def person_list(request):
    people = scoped(Person, request.user).select_related("department", "institution")
    include_voided = request.GET.get("include_voided") == "1"
    if not include_voided:
        people = people.filter(voided_at__isnull=True)
    q = request.GET.get("q", "").strip()
    if q:
        people = people.filter(Q(name__icontains=q) | Q(employee_no__icontains=q) | Q(position__icontains=q))
    department = request.GET.get("department", "")
    if department.isdigit():
        people = people.filter(department_id=int(department))
    if request.GET.get("employed") == "1":
        people = people.filter(left_on__isnull=True)
    page = Paginator(people.order_by("institution__code", "employee_no"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "users/org/person_list.html",
        {
            "page": page,
            "q": q,
            "department": department,
            "employed": request.GET.get("employed") == "1",
            "include_voided": include_voided,
            "departments": scoped(Department, request.user).values_list("pk", "name"),
            "can_edit": can_write(request.user, "core.person"),
            "show_institution": request.user.is_regulator,
            "filtered": bool(q or department or request.GET.get("employed")),
        },
    )


def _person_form(request, obj=None):
    require_write(request.user, Person)
    form = PersonForm(request.POST or None, instance=obj, user=request.user)
    if _save_form(request, form, core_services.people, obj, _("Saved %(name)s.")):
        return redirect("org-person-list")
    title = _("Edit person") if obj else _("New person")
    return render(
        request,
        "users/org/form.html",
        {
            "form": form,
            "title": title,
            "back": "org-person-list",
            "history": history_entries(obj) if obj else None,
            # a person recorded by mistake is voided with a reason (never deleted: issue 12)
            "void_url": reverse("org-person-void", args=[obj.pk]) if obj and obj.voided_at is None else "",
            "voided": obj if obj and obj.voided_at else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request):
    return _person_form(request)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    return _person_form(request, get_scoped(Person, request.user, pk=pk))  # a voided one: the service refuses


class PersonVoid(void_view(Person, core_services.people)):
    """The void page of a person recorded by mistake; back to the people list (a person has no page of its own)."""

    def object_url(self, obj):
        return reverse("org-person-list")


# ---------- user accounts (the administrator only) ----------


def _require_user_admin(user):
    if not can_write(user, "users.user"):
        raise PermissionDenied


@login_required
@require_safe
def user_list(request):
    _require_user_admin(request.user)
    accounts = scoped(User, request.user).select_related("department").order_by("-is_active", "username")
    role = request.GET.get("role", "")
    if role:
        accounts = accounts.filter(role=role)
    return render(
        request,
        "users/org/user_list.html",
        {"accounts": accounts, "role": role, "roles": User._meta.get_field("role").choices},
    )


def _user_form(request, obj=None):
    _require_user_admin(request.user)
    form = UserForm(request.POST or None, instance=obj, user=request.user)
    if _save_form(request, form, user_service, obj, _("Saved %(name)s.")):
        return redirect("org-user-list")
    title = _("Edit user") if obj else _("New user")
    return render(
        request,
        "users/org/user_form.html",
        {
            "form": form,
            "title": title,
            "account": obj,
            "password_form": PasswordSetForm() if obj else None,
            "second_factor": _second_factor_state(obj, request.user) if obj else None,
            "history": history_entries(obj) if obj else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_create(request):
    return _user_form(request)


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request, pk):
    _require_user_admin(request.user)
    return _user_form(request, get_scoped(User, request.user, pk=pk))


@login_required
@require_POST
def user_active(request, pk):
    """Deactivate (or reactivate) an account: it can no longer sign in; its history stays."""
    _require_user_admin(request.user)
    account = get_scoped(User, request.user, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        user_service.set_active(account, request.user, active)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        text = _("%(name)s can sign in again.") if active else _("%(name)s can no longer sign in.")
        messages.success(request, text % {"name": account.username})
    return redirect("org-user-list")


@login_required
@require_POST
def user_password(request, pk):
    _require_user_admin(request.user)
    account = get_scoped(User, request.user, pk=pk)
    form = PasswordSetForm(request.POST)
    if form.is_valid():
        try:
            user_service.set_password(account, request.user, form.cleaned_data["password"])
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("A new password was set for %(name)s.") % {"name": account.username})
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("org-user-edit", pk=account.pk)


def _second_factor_state(account, viewer) -> dict:
    from . import twofactor

    return {
        "enrolled": twofactor.enrolled(account),
        "must_enrol": twofactor.must_enrol_again(account),
        "own": account.pk == viewer.pk,
    }


@login_required
@require_POST
def user_second_factor_reset(request, pk):
    """The administrator resets another user's second factor, with a reason; they enrol again at sign-in."""
    _require_user_admin(request.user)
    account = get_scoped(User, request.user, pk=pk)
    try:
        user_service.reset_second_factor(account, request.user, request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(
            request,
            _("The second factor of %(name)s was reset; they set it up again at their next sign-in.")
            % {"name": account.username},
        )
    return redirect("org-user-edit", pk=account.pk)
