"""icbsim.read_sweep gives SALib's problem, samples and outputs in SALib's row order: on a Saltelli
design the rows come in blocks A_j, A_B^(1..d)_j, B_j, and SALib's estimators (Saltelli 2010 first
order, Jansen 1999 total) applied in that layout reproduce the engine's stored indices."""
import numpy as np

import icbsim


def test_saltelli_rows_are_in_salib_order(saltelli_file):
    sweep = icbsim.read_sweep(saltelli_file)
    d = sweep.problem["num_vars"]
    assert sweep.problem["names"] == ["a", "n", "s"] and d == 3
    assert sweep.problem["bounds"] == [[0.0, 1.0]] * 3
    n = 128
    assert sweep.unit_samples.shape == (n * (d + 2), d) == sweep.samples.shape
    blocks = sweep.unit_samples.reshape(n, d + 2, d)
    a, b = blocks[:, 0], blocks[:, d + 1]
    for i in range(d):
        ab = blocks[:, 1 + i]
        expected = a.copy()
        expected[:, i] = b[:, i]
        np.testing.assert_array_equal(ab, expected)
    assert sorted(sweep.order) == list(range(n * (d + 2)))


def test_salib_layout_reproduces_the_engine_indices(saltelli_file):
    sweep = icbsim.read_sweep(saltelli_file)
    d = sweep.problem["num_vars"]
    y = sweep.outputs["all"]["final:T"].reshape(-1, d + 2)
    fa, fb, fab = y[:, 0], y[:, d + 1], y[:, 1:d + 1]
    variance = np.var(np.concatenate([fa, fb]))
    first = np.mean(fb[:, None] * (fab - fa[:, None]), axis=0) / variance
    total = 0.5 * np.mean((fa[:, None] - fab) ** 2, axis=0) / variance
    engine = sweep.indices["all"]["final:T"]
    np.testing.assert_allclose(first, engine["first"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(total, engine["total"], rtol=1e-9, atol=1e-12)
    assert list(engine.index) == ["a", "n", "s"]


def test_other_designs_keep_the_file_order(lhs_file):
    sweep = icbsim.read_sweep(lhs_file)
    assert sweep.design == "lhs"
    np.testing.assert_array_equal(sweep.order, np.arange(6))
    assert set(sweep.outputs) == {"reference", "low_antigenicity"}
    assert sweep.outputs["reference"]["orr"].shape == (6,)
    assert "prcc" in sweep.indices["reference"]["final:T"]


def test_a_file_without_sweep_is_refused(cohort_file):
    import pytest
    with pytest.raises(ValueError, match="not a sweep"):
        icbsim.read_sweep(cohort_file)
