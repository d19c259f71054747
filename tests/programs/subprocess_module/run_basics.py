# subprocess.run / check_output / Popen.communicate / call with /bin/sh, cat and the
# interpreter itself (sys.executable), errors from the child.
import os
import subprocess
import sys

r = subprocess.run(["/bin/echo", "hello", "world"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["/bin/sh", "-c", "echo out; echo err >&2; exit 0"],
                              stderr=subprocess.STDOUT))
r = subprocess.run("echo $((6*7))", shell=True, stdout=subprocess.PIPE)
print(r.stdout, r.args)
r = subprocess.run(["/bin/sh", "-c", "exit 3"])
print(r.returncode)
try:
    subprocess.check_call(["/bin/sh", "-c", "exit 4"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e)
try:
    subprocess.run(["/nonexistent/program"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
try:
    subprocess.run(["/bin/echo"], cwd="/nonexistent/dir")
except FileNotFoundError as e:
    print("cwd FileNotFoundError", e.errno, e.filename)

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"through cat\n" * 3)
print(out, err, p.returncode)
print(subprocess.run(["cat"], input="text in\n", capture_output=True, text=True).stdout)

code = "import sys; print('child', sys.argv[1:]); sys.stderr.write('e\\n'); sys.exit(5)"
r = subprocess.run([sys.executable, "-c", code, "a", "b"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
r = subprocess.run([sys.executable, "-c", "import os; print(os.environ['FOO'])"],
                   env={"FOO": "bar", "PATH": os.environ.get("PATH", "")},
                   capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run(["/bin/sh", "-c", "pwd"], cwd="/", capture_output=True, text=True)
print(r.stdout.strip())
try:
    subprocess.run(["/bin/sh", "-c", "exec sleep 5"], timeout=0.05)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.timeout)
p = subprocess.Popen(["/bin/sh", "-c", "exec sleep 5"])
p.terminate()
print(p.wait())
p = subprocess.Popen(["/bin/sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True)
print(p.communicate("line", timeout=5))
print(os.system("exit 2") >> 8, os.waitstatus_to_exitcode(os.system("true")))
print(subprocess.getoutput("echo getoutput"), subprocess.getstatusoutput("exit 1"))


def pre():
    raise ValueError("no")


try:
    subprocess.run(["/bin/echo"], preexec_fn=pre)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
rfd, wfd = os.pipe()
subprocess.run(["/bin/sh", "-c", "echo passed >&%d" % wfd], pass_fds=(wfd,))
os.close(wfd)
print(os.read(rfd, 100))
os.close(rfd)
r = subprocess.run(["/bin/sh", "-c", "ls /proc/self/fd | wc -l"], capture_output=True)
print(int(r.stdout) <= 5)
import shutil
print(shutil.which("sh") is not None, shutil.which("surely-not-a-command-xyz"))
