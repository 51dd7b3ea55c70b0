"""The one change log of every object, hash-chained so an edit, insertion or deletion shows.

Hash schemes: 1 is the original unkeyed SHA-256 (entries written before the key existed keep it and
still verify); 2 is HMAC-SHA256 with the installation's chain key (core.chainkey), so the chain cannot
be recomputed by someone who can only write the database.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

UNKEYED_SCHEME = 1
KEYED_SCHEME = 2


class ChangeLogEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Updated")
        DELETE = "delete", _("Deleted")
        TRANSITION = "transition", _("Lifecycle transition")

    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    timestamp = models.DateTimeField(_("time"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("actor"), max_length=150)
    request_id = models.CharField(_("request or job id"), max_length=64, blank=True)
    institution = models.ForeignKey(
        "core.Institution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=True,
    )
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    hash_scheme = models.PositiveSmallIntegerField(default=KEYED_SCHEME)

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("change-log entry")
        verbose_name_plural = _("change log")

    @property
    def actor_label(self) -> str:
        """Who made the change, as a reader sees it: the system (a job, a command) in the reader's language."""
        from django.utils.translation import gettext

        return gettext("system") if self.actor_name in ("", "system") else self.actor_name

    def __str__(self):
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def payload(self) -> dict:
        """The fields the hash covers, in a canonical form that survives a database round trip."""
        return {
            "seq": self.seq,
            "timestamp": self.timestamp.isoformat(timespec="microseconds"),
            "actor_name": self.actor_name,
            "request_id": self.request_id,
            "institution_id": self.institution_id,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "action": self.action,
            "before": self.before,
            "after": self.after,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self, key: bytes | None = None) -> str:
        """The entry's hash under its scheme; a keyed entry needs the chain key (read from its file when
        not given)."""
        payload = self.payload()
        if self.hash_scheme == UNKEYED_SCHEME:
            canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        if self.hash_scheme != KEYED_SCHEME:
            return ""  # an unknown scheme never matches
        payload["hash_scheme"] = self.hash_scheme
        canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hmac.new(key or _chain_key(), canonical.encode("utf-8"), hashlib.sha256).hexdigest()


class ChangeLogHead(models.Model):
    """A single row holding the chain's tip; locked while appending so writers queue up."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    # HMAC of (last_seq, last_hash): moving the head back to an earlier entry after cutting the tail
    # needs the key (or an old copy of this row, which `audit verify --anchor` catches).
    mac = models.CharField(max_length=64, blank=True, default="")

    def compute_mac(self, key: bytes | None = None) -> str:
        message = f"head:{self.last_seq}:{self.last_hash}".encode()
        return hmac.new(key or _chain_key(), message, hashlib.sha256).hexdigest()


def _chain_key() -> bytes:
    from appgov.core.chainkey import ChainKeyError, load

    chain_key = load()
    if chain_key is None:
        raise ChainKeyError("the change-log key file is missing (setting APPGOV_CHAIN_KEY_FILE)")
    return chain_key.key
