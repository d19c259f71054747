# `python -m unittest` on a test file and a script calling unittest.main(), run as child
# processes of the same interpreter; exit statuses and the output with the time masked.
import os
import re
import subprocess
import sys
import tempfile

TEST = '''
import unittest

class T(unittest.TestCase):
    def test_ok(self):
        pass

    def test_bad(self):
        self.assertEqual(1, 2, "numbers differ")

    def test_ok2(self):
        self.assertTrue(True)

if __name__ == "__main__":
    unittest.main()
'''

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "test_sample.py"), "w") as f:
        f.write(TEST)
    for args in (["-m", "unittest", "-v", "test_sample"], ["test_sample.py"]):
        r = subprocess.run([sys.executable, *args], cwd=d, capture_output=True, text=True)
        print(args, r.returncode, repr(r.stdout))
        print(re.sub(r"in \d+\.\d+s", "in <time>", r.stderr.replace(d, "<dir>")))
