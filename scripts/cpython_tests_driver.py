"""Runs one of CPython's own test modules (`test.test_list`, ...) with unittest and prints one
summary line, `CPT-RESULT <module> run=N passed=N failed=N skipped=N`, for
`scripts/cpython-tests.sh`.

Usage: INTERPRETER cpython_tests_driver.py TESTDIR MODULE [-v]
TESTDIR holds the `test` package; it goes first on sys.path. A test counts as failed once
however many of its subtests fail; class- and module-level setup errors count as one failure.
"""
import sys

testdir, name = sys.argv[1], sys.argv[2]
verbose = "-v" in sys.argv[3:]
sys.path.insert(0, testdir)
for extra in reversed([p for p in sys.argv[3:] if p.startswith("--path=")]):
    sys.path.insert(0, extra[len("--path="):])

import unittest

suite = unittest.defaultTestLoader.loadTestsFromName(name)
runner = unittest.TextTestRunner(verbosity=2 if verbose else 1, stream=sys.stderr)
result = runner.run(suite)


def test_id(t):
    return getattr(t, "test_case", t).id()


failed = {test_id(t) for t, _ in result.failures + result.errors}
failed |= {test_id(t) for t in result.unexpectedSuccesses}
skipped = len(result.skipped)
passed = max(result.testsRun - skipped - len(failed), 0)
print(f"CPT-RESULT {name} run={result.testsRun} passed={passed} failed={len(failed)} skipped={skipped}")
