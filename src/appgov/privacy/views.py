"""Privacy pages: the policies list, a policy with what it declares clause by clause, its gaps against the scan
and its completeness, the upload on a version, and corrections of the extraction."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from appgov.core.roles import can_write
from appgov.core.views import generic
from appgov.core.views.helpers import apply_service_errors, get_scoped
from appgov.engines.privacy import vocabulary
from appgov.ledger.models import AppVersion

from . import packaged, services
from .filtersets import PrivacyPolicyFilterSet
from .forms import CorrectionForm, PolicyUploadForm
from .models import PrivacyPolicy
from .tables import PrivacyPolicyTable


class PolicyList(generic.ObjectListView):
    model = PrivacyPolicy
    queryset = PrivacyPolicy.objects.select_related("version", "version__app", "version__app__institution")
    filterset = PrivacyPolicyFilterSet
    table = PrivacyPolicyTable
    title = gettext_lazy("Privacy policies")
    template_name = "privacy/policy_list.html"

    def extra_context(self):
        versions = AppVersion.objects.for_user(self.request.user, "change").select_related("app")
        scanned = versions.filter(scans__status="done").distinct().select_related("app").order_by("-id")[:100]
        return {
            "upload_versions": versions.order_by("app__name", "-id")[:300],
            "upload_form": PolicyUploadForm(),
            "packaged_offers": packaged.offers(scanned) if self.can_write() else [],
        }


class PolicyDetail(generic.ObjectDetailView):
    model = PrivacyPolicy
    queryset = PrivacyPolicy.objects.select_related("version", "version__app")
    template_name = "privacy/policy_detail.html"

    def extra_context(self, obj):
        declared = services.declared(obj)
        found, scan = services.gaps(obj)
        taxonomy, groups = vocabulary.taxonomy(), vocabulary.permission_groups()
        lang_zh = self.request.LANGUAGE_CODE.startswith("zh")

        def label(spec):
            return spec["label"]["zh" if lang_zh else "en"]

        return {
            "clauses": declared["clauses"],
            "pi_rows": [
                (
                    code,
                    label(taxonomy[code]) if code in taxonomy else code,
                    taxonomy.get(code, {}).get("sensitive"),
                    where,
                )
                for code, where in declared["pi_types"].items()
            ],
            "permission_rows": [
                (code, label(groups[code]) if code in groups else code, where)
                for code, where in declared["permissions"].items()
            ],
            "sdks": declared["sdks"],
            "declared": declared,
            "gaps": found,
            "scan": scan,
            "completeness": obj.completeness,
            "diff": services.diff(obj),
            "packaged": packaged.against_uploaded(obj, declared),
            "correction_form": CorrectionForm(user=self.request.user) if self.can_write() else None,
            "corrections": obj.corrections.all(),
            "lang_zh": lang_zh,
        }


@login_required
@require_POST
def upload(request):
    if not can_write(request.user, "privacy.privacypolicy"):
        raise PermissionDenied
    version = get_scoped(
        AppVersion.objects.select_related("app"), request.user, pk=request.POST.get("version") or 0
    )
    form = PolicyUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a privacy policy file to upload."))
        return redirect("privacy:policy-list")
    try:
        policy = services.upload(version, form.cleaned_data["file"], request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("privacy:policy-list")
    messages.success(
        request, _("The privacy policy was read: %(n)s clauses.") % {"n": len(policy.extracted["clauses"])}
    )
    return redirect(policy.get_absolute_url())


@login_required
@require_POST
def correct(request, pk):
    if not can_write(request.user, "privacy.policycorrection"):
        raise PermissionDenied
    policy = get_scoped(PrivacyPolicy, request.user, pk=pk)
    form = CorrectionForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.corrections.create(
                request.user, {**services.corrections.form_data(form), "policy": policy}
            )
        except ValidationError as exc:
            apply_service_errors(request, form, exc)
        else:
            messages.success(request, _("The correction is kept and applied."))
    else:
        messages.error(request, "；".join(f"{k}: {', '.join(v)}" for k, v in form.errors.items()))
    return redirect(policy.get_absolute_url())


@login_required
@require_POST
def adopt_packaged(request, pk):
    """The policy the version's package carries becomes the version's policy."""
    if not can_write(request.user, "privacy.privacypolicy"):
        raise PermissionDenied
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=pk)
    try:
        policy = packaged.adopt(version, request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("privacy:policy-list")
    messages.success(request, _("The policy carried in the package is now the version's policy."))
    return redirect(policy.get_absolute_url())
