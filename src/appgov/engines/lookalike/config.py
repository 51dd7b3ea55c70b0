"""Engine settings: ``data/defaults.yaml`` deep-merged with an optional user file (YAML or JSON)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from .icons import MASKED_KINDS
from .resources import load_yaml


class ConfigError(ValueError):
    pass


# Settings that existed once and were taken out on purpose: a file that still sets one is told why.
REMOVED = {
    "developer.official_developer_factor": (
        "removed: a self-declared developer name no longer lowers the score (issue 14); the certificate "
        "is the identity, see 'identity' in docs/engines/lookalike.md"
    ),
}


def _merge(base: dict[str, Any], override: dict[str, Any], path: str = "") -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        where = f"{path}{key}"
        if where in REMOVED:
            raise ConfigError(f"setting '{where}' was {REMOVED[where]}")
        if key not in base:
            raise ConfigError(f"unknown setting '{where}'")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"setting '{where}' must be a mapping")
            out[key] = _merge(base[key], value, where + ".")
        else:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"setting '{where}' must be a number, got {value!r}")
            out[key] = value
    return out


def _check(config: dict[str, Any]) -> None:
    for section in ("thresholds", "evidence", "identity"):
        for key, value in config[section].items():
            if not 0 <= value <= 1:
                raise ConfigError(f"setting '{section}.{key}' must be between 0 and 1, got {value}")
    if config["thresholds"]["alert"] > config["thresholds"]["counterfeit"]:
        raise ConfigError("thresholds.alert must not exceed thresholds.counterfeit")
    for key in ("report_unregistered", "platform_ids_exact_only", "platform_vouches", "verified_publishers"):
        if config["identity"][key] not in (0, 1):
            raise ConfigError(f"setting 'identity.{key}' must be 0 or 1")
    attribution = config["attribution"]
    if not 0 <= attribution["candidate_margin"] <= 1 or not 1 <= attribution["max_candidates"] <= 50:
        raise ConfigError("attribution.candidate_margin must be 0..1 and attribution.max_candidates 1..50")
    keypoints = config["keypoints"]
    for key in (
        "enabled",
        "required_for_icon_only",
        "unverifiable_hash_rule",
        "finance_name_check",
        "blurred_hash_rule",
        "verify_alerting_icons",
        "without_band",
        "far_single_kind",
        "blurred_geometric",
        "edge_confirm",
    ):
        if keypoints[key] not in (0, 1):
            raise ConfigError(f"setting 'keypoints.{key}' must be 0 or 1")
    if not 4 <= keypoints["far_min_inliers"] <= 500 or not 0 <= keypoints["far_min_spread"] <= 1:
        raise ConfigError("keypoints.far_min_inliers must be 4..500 and keypoints.far_min_spread 0..1")
    if not 0 <= keypoints["min_content_agreement"] <= 1:
        raise ConfigError("setting 'keypoints.min_content_agreement' must be between 0 and 1")
    if not 4 <= keypoints["min_inliers"] <= 500:
        raise ConfigError("setting 'keypoints.min_inliers' must be between 4 and 500")
    if not 0 <= keypoints["min_spread"] <= 1 or not keypoints["spread_exempt_inliers"] >= 4:
        raise ConfigError("keypoints.min_spread must be 0..1 and keypoints.spread_exempt_inliers >= 4")
    if (
        not 0 <= keypoints["single_kind_max_distance"] <= 32
        or not 1 <= keypoints["max_apps_per_listing"] <= 1000
        or not 0 <= keypoints["tile_apps"] <= 1000
    ):
        raise ConfigError(
            "keypoints.single_kind_max_distance must be 0..32, keypoints.max_apps_per_listing 1..1000"
            " and keypoints.tile_apps 0..1000"
        )
    if not 0 <= keypoints["weak_hash_kinds"] <= 20 or not 4 <= keypoints["weak_hash_min_inliers"] <= 500:
        raise ConfigError(
            "keypoints.weak_hash_kinds must be 0..20 and keypoints.weak_hash_min_inliers 4..500"
        )
    if keypoints["aligned_matching"] not in (0, 1):
        raise ConfigError("setting 'keypoints.aligned_matching' must be 0 or 1")
    if not all(0 <= keypoints[k] <= 1 for k in ("aligned_min_edge_agreement", "aligned_min_content_agreement")):
        raise ConfigError(
            "keypoints.aligned_min_edge_agreement and keypoints.aligned_min_content_agreement must be 0..1"
        )
    if not 0 <= keypoints["search_apps"] <= 20 or not 1 <= keypoints["search_max_apps"] <= 16:
        raise ConfigError("keypoints.search_apps must be 0..20 and keypoints.search_max_apps 1..16")
    if not all(0 <= keypoints[k] <= 1 for k in ("in_place_min_edge_agreement", "in_place_min_content")):
        raise ConfigError("keypoints.in_place_min_edge_agreement and keypoints.in_place_min_content must be 0..1")
    for key in ("search_views", "search_parts", "search_hashed_apps", "search_weighted", "in_place_hidden"):
        if keypoints[key] not in (0, 1):
            raise ConfigError(f"setting 'keypoints.{key}' must be 0 or 1")
    if keypoints["stretch_max_ratio"] != 0 and not 1.05 <= keypoints["stretch_max_ratio"] <= 3:
        raise ConfigError("keypoints.stretch_max_ratio must be 0 (off) or 1.05..3")
    if not 0 <= keypoints["weak_hash_exempt_min_edge_agreement"] <= 1:
        raise ConfigError("keypoints.weak_hash_exempt_min_edge_agreement must be 0..1")
    if not 0 <= keypoints["edge_layout_max_distance"] <= 64:
        raise ConfigError("keypoints.edge_layout_max_distance must be 0 (off) ..64")
    if keypoints["shape_min_inliers"] != 0 and not 4 <= keypoints["shape_min_inliers"] <= 500:
        raise ConfigError("keypoints.shape_min_inliers must be 0 (off) or 4..500")
    if not 4 <= keypoints["shape_exempt_inliers"] <= 500 or not all(
        0 <= keypoints[k] <= 1 for k in ("shape_min_edge_agreement", "shape_exempt_min_edge_agreement")
    ):
        raise ConfigError(
            "keypoints.shape_exempt_inliers must be 4..500, keypoints.shape_min_edge_agreement and"
            " keypoints.shape_exempt_min_edge_agreement 0..1"
        )
    if keypoints["twin_min_inliers"] != 0 and not 4 <= keypoints["twin_min_inliers"] <= 500:
        raise ConfigError("keypoints.twin_min_inliers must be 0 (off) or 4..500")
    if not all(0 <= keypoints[k] <= 1 for k in ("twin_min_edge_agreement", "twin_min_content_agreement")):
        raise ConfigError("keypoints.twin_min_edge_agreement and keypoints.twin_min_content_agreement must be 0..1")
    if not all(0 <= keypoints[k] <= 1 for k in ("twin_min_covered", "twin_min_content_covered")):
        raise ConfigError("keypoints.twin_min_covered and keypoints.twin_min_content_covered must be 0..1")
    if not 0 <= keypoints["noisy_min_covered"] <= 1:
        raise ConfigError("keypoints.noisy_min_covered must be 0 (off) .. 1")
    if keypoints["verify_under_weak_brand"] not in (0, 1):
        raise ConfigError("keypoints.verify_under_weak_brand must be 0 or 1")
    if not 4 <= keypoints["twin_cover_min_inliers"] <= 500:
        raise ConfigError("keypoints.twin_cover_min_inliers must be 4..500")
    if not 0 <= keypoints["search_min_votes"] <= 500:
        raise ConfigError("keypoints.search_min_votes must be 0..500")
    if not 4 <= keypoints["search_min_inliers"] <= 500 or not all(
        0 <= keypoints[key] <= 1 for key in ("search_min_spread", "search_min_edge_agreement")
    ):
        raise ConfigError(
            "keypoints.search_min_inliers must be 4..500, keypoints.search_min_spread and"
            " keypoints.search_min_edge_agreement 0..1"
        )
    if not 0 <= keypoints["verdict_cache"] <= 10_000_000:
        raise ConfigError("setting 'keypoints.verdict_cache' must be between 0 and 10000000")
    if (
        not 0 <= keypoints["weak_hash_min_spread"] <= 1
        or not keypoints["weak_hash_spread_exempt_inliers"] >= 4
    ):
        raise ConfigError(
            "keypoints.weak_hash_min_spread must be 0..1 and keypoints.weak_hash_spread_exempt_inliers >= 4"
        )
    edges = (keypoints["min_edge_agreement"], keypoints["edge_confirm_agreement"])
    shares = (*edges, keypoints["edge_confirm_overlap"], keypoints["edge_confirm_spread"])
    if not all(0 <= v <= 1 for v in shares) or edges[1] < edges[0]:
        raise ConfigError(
            "keypoints.min_edge_agreement, edge_confirm_agreement, edge_confirm_overlap and "
            "edge_confirm_spread must be 0..1, "
            "and edge_confirm_agreement at least min_edge_agreement"
        )
    if not 4 <= keypoints["edge_confirm_inliers"] <= 500:
        raise ConfigError("setting 'keypoints.edge_confirm_inliers' must be between 4 and 500")
    if keypoints["verdict_store"] not in (0, 1):
        raise ConfigError("setting 'keypoints.verdict_store' must be 0 or 1")
    if config["developer"]["other_institution"] not in (0, 1):
        raise ConfigError("setting 'developer.other_institution' must be 0 or 1")
    if config["candidates"]["package_edits"] not in (0, 1):
        raise ConfigError("setting 'candidates.package_edits' must be 0 or 1")
    if not 0 <= config["candidates"]["name_signal_cache"] <= 10_000_000:
        raise ConfigError("setting 'candidates.name_signal_cache' must be between 0 and 10000000")
    if not 0 <= keypoints["blurred_min_inliers"] <= keypoints["min_inliers"]:
        raise ConfigError(
            "setting 'keypoints.blurred_min_inliers' must be between 0 and keypoints.min_inliers"
        )
    icons = config["icons"]
    for flag in ("content_box", "masked_middle", "upright_tile", "mirror"):
        if icons[flag] not in (0, 1):
            raise ConfigError(f"setting 'icons.{flag}' must be 0 or 1, got {icons[flag]!r}")
    if (
        not 0 <= icons["max_distance"] <= 32
        or not 0 <= icons["extra_max_distance"] <= 32
        or not 1 <= icons["index_chunks"] <= 16
        or not 1 <= icons["geometry_index_chunks"] <= 16
        or not 0 <= icons["geometry_shortlist_distance"] <= 32
        or not 0 <= icons["confirm_distance"] <= 64
        or not 0 <= icons["tile_shortlist_distance"] <= 32
        or not 0 <= icons["near_identical_masks"] <= len(MASKED_KINDS)
    ):
        raise ConfigError(
            "icons.max_distance, icons.extra_max_distance, icons.geometry_shortlist_distance and"
            " icons.tile_shortlist_distance must be 0..32, icons.confirm_distance 0..64, the chunks 1..16"
            f" and icons.near_identical_masks 0..{len(MASKED_KINDS)}"
        )
    if not 0 <= icons["redrawn_min_coverage"] <= 1 or not 0 <= icons["redrawn_min_structure"] <= 1:
        raise ConfigError("icons.redrawn_min_coverage and icons.redrawn_min_structure must be 0..1")
    if not 1 <= icons["redrawn_shortlist"] <= 50:
        raise ConfigError(f"setting 'icons.redrawn_shortlist' must be 1..50, got {icons['redrawn_shortlist']!r}")


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then the file at ``path``, then ``overrides`` (each a partial tree of the same shape)."""
    config = load_yaml("defaults.yaml")
    if path is not None:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read settings ({exc})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: settings must be a mapping")
        config = _merge(config, data)
    if overrides:
        config = _merge(config, overrides)
    else:
        config = copy.deepcopy(config)
    _check(config)
    return config
