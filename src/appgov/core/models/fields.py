"""Field limits in one place (issue 12 item 9): every free-text field of a model has a length limit, and the
model field is its one source. Forms take it from the field (Django's model forms), the API from the field
(core.api.base.LimitedModelSerializer keeps the field's own validator, so the refusal reads the same) and
imports from the field (services run full_clean)."""

from django.core.validators import MaxLengthValidator
from django.db import models

TEXT_LIMIT = 10_000  # characters of a note, reason, comment or summary
SYSTEM_TEXT_LIMIT = (
    100_000  # text the system writes (explanations, error messages, a finding's running notes)
)


class BoundedTextField(models.TextField):
    """A TextField with a length limit that the model itself enforces (full_clean), as CharField does;
    Django's TextField alone passes max_length to forms only."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TEXT_LIMIT)
        super().__init__(*args, **kwargs)
        self.validators.append(MaxLengthValidator(self.max_length))


class SystemTextField(BoundedTextField):
    """Text the system writes, not a person (explanations, error messages, running notes): a wider bound."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", SYSTEM_TEXT_LIMIT)
        super().__init__(*args, **kwargs)
