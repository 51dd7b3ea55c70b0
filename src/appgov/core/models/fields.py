"""Field limits in one place (issue 12 item 9): every free-text field of a model has a length limit, and the
model field is its one source. Forms take it from the field (Django's model forms), the API from the field
(core.api.base.LimitedModelSerializer keeps the field's own validator, so the refusal reads the same) and
imports from the field (services run full_clean)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

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


LIST_ITEM_LIMIT = 255  # characters of one item of a list of short texts (package ids, regions, keywords)
LIST_ITEMS_LIMIT = 500  # items in such a list


@deconstructible
class ListItemsLimit:
    """The items of a JSON list of short texts are bounded like any text field (issue 12 item 9): the model
    field carries it, so forms (full_clean), the API (DRF copies model validators) and imports refuse alike."""

    def __init__(self, max_length: int = LIST_ITEM_LIMIT, max_items: int = LIST_ITEMS_LIMIT):
        self.max_length, self.max_items = max_length, max_items

    def __call__(self, value):
        if not isinstance(value, list):
            return
        if len(value) > self.max_items:
            raise ValidationError(
                _("The list has %(count)d items; at most %(limit)d are allowed."),
                code="max_items",
                params={"count": len(value), "limit": self.max_items},
            )
        for index, item in enumerate(value, 1):
            if isinstance(item, str) and len(item) > self.max_length:
                raise ValidationError(
                    _("Item %(index)d of the list has %(length)d characters; at most %(limit)d are allowed."),
                    code="max_length",
                    params={"index": index, "length": len(item), "limit": self.max_length},
                )

    def __eq__(self, other):
        return isinstance(other, ListItemsLimit) and (self.max_length, self.max_items) == (
            other.max_length,
            other.max_items,
        )
