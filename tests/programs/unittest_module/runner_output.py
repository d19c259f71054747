# unittest.main() output (dots, failures with tracebacks, errors, skips, expected failures,
# subtests, -v form), with the run time masked.
import io
import re
import sys
import unittest


class Basics(unittest.TestCase):
    def test_pass(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad value")

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertNotEqual(i, 1)

    def test_multiline(self):
        self.assertEqual("a\nb\nc\n", "a\nB\nc\n")


class WithFixtures(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")

    def setUp(self):
        self.log.append("setUp")

    def tearDown(self):
        self.log.append("tearDown")

    def test_one(self):
        self.assertIn("setUp", self.log)

    def test_cleanup(self):
        self.addCleanup(self.log.append, "cleanup")


def run(verbosity, *names):
    buf = io.StringIO()
    prog = unittest.main(module=__name__, argv=["prog", *names], exit=False,
                         testRunner=unittest.TextTestRunner(stream=buf, verbosity=verbosity))
    text = re.sub(r"in \d+\.\d+s", "in <time>", buf.getvalue())
    print(text)
    r = prog.result
    print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped),
          len(r.expectedFailures), r.wasSuccessful())


run(1)
run(2, "Basics.test_pass", "Basics.test_skip", "WithFixtures")
print(WithFixtures.log)
