"""The SIMD path from Python (civitas.simd_path, available_simd_paths, use_simd_path): every
available path can be chosen, an unknown or unavailable one is refused by name in both languages,
and the kernels give results within docs/performance.md's tolerances on each path."""

from __future__ import annotations

import numpy as np
import pytest

import civitas


@pytest.fixture
def restore_path():
    saved = civitas.simd_path()
    yield
    civitas.use_simd_path(saved)


def test_baseline_is_always_available_and_first() -> None:
    paths = civitas.available_simd_paths()
    assert paths[0] == "baseline"
    assert civitas.simd_path() in paths


def test_every_available_path_can_be_chosen(restore_path) -> None:
    for path in civitas.available_simd_paths():
        civitas.use_simd_path(path)
        assert civitas.simd_path() == path


def test_an_unknown_path_is_refused_by_name(restore_path) -> None:
    with pytest.raises(civitas.ValidationError) as raised:
        civitas.use_simd_path("neon")
    assert "neon" in str(raised.value)
    assert "'avx512'" in str(raised.value)
    assert "'baseline'" in str(raised.value)
    assert "未知的取值" in raised.value.message_zh


def test_weights_and_topsis_agree_across_paths(restore_path) -> None:
    rng = np.random.default_rng(20261206)
    x = rng.uniform(10, 90, size=(300, 40))
    results = {}
    for path in civitas.available_simd_paths():
        civitas.use_simd_path(path)
        results[path] = (civitas.critic_weights(x), civitas.entropy_weights(x), civitas.topsis(x, np.full(40, 1 / 40)))
    baseline = results["baseline"]
    for path, (critic, entropy, closeness) in results.items():
        np.testing.assert_allclose(critic, baseline[0], rtol=0, atol=1e-12, err_msg=path)
        np.testing.assert_allclose(entropy, baseline[1], rtol=0, atol=1e-12, err_msg=path)
        np.testing.assert_allclose(closeness, baseline[2], rtol=0, atol=1e-12, err_msg=path)
