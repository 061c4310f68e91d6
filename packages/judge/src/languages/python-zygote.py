# A warm Python for one submission, inside its sandbox (docs/judge.md, "Warm interpreters").
# Started by the supervisor as `python3 -S -E -B -c <this> /prog/main.py` with fd 3 = its control socket.
# 1. Compiles the program: a syntax error is printed as the syntax check always did, exit 1 (a CE).
# 2. Writes "K" and waits. Per test, "S cpu_s fsize nofile stack_kb as_kb nproc" + stdin/stdout/stderr fds:
#    forks twice (the supervisor, a subreaper, becomes the child's parent and wait4s it as before), replies
#    "P pid", and the child runs the program as __main__ and exits the way `python3 main.py` would.
# It never runs the student's code itself: every test starts from this same untouched state.
import sys, os
path = sys.argv[1]
with open(path, 'rb') as f:
    source = f.read()
try:
    code = compile(source, path, 'exec', dont_inherit=True)
except (SyntaxError, ValueError):
    import traceback
    try:
        compile(source, 'main.py', 'exec', dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        sys.stderr.write(''.join(traceback.format_exception_only(type(e), e)))
    sys.exit(1)
try:
    import socket, resource, array, ctypes, builtins, atexit
    ctl = socket.socket(fileno=3)
    libc = ctypes.CDLL(None, use_errno=True)
    # Not dumpable: a test (same uid) must not open /proc/<zygote>/mem to leave something for the next test.
    if libc.prctl(4, 0, 0, 0, 0) != 0:
        raise OSError('prctl')
    Loader = sys.modules['_frozen_importlib_external'].SourceFileLoader
except Exception:
    # No sandbox (development: no fd 3), or a Python without ctypes: this was only the syntax check, and
    # the supervisor, finding no zygote, starts every test fresh.
    os._exit(0)
null = os.open('/dev/null', os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)
os.close(null)
ctl.send(b'K')
while True:
    msg, anc, _flags, _addr = ctl.recvmsg(256, socket.CMSG_SPACE(3 * 4))
    if not msg:
        os._exit(0)
    fds = array.array('i')
    for level, kind, data in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[: len(data) - len(data) % fds.itemsize])
    r, w = os.pipe()
    go_r, go_w = os.pipe()
    a = os.fork()
    if a == 0:
        b = os.fork()
        if b:
            os.write(w, b'%d' % b)
            os._exit(0)
        break  # the test's process
    for fd in fds:
        os.close(fd)
    os.close(w)
    os.close(go_r)
    os.waitpid(a, 0)
    pid = os.read(r, 32)
    os.close(r)
    # Only now may the test start: the intermediate process is gone (no pid of ours left for it to stop).
    os.close(go_w)
    ctl.send(b'P ' + pid)

# ---- the test's process: what the supervisor's child_exec does, then `python3 main.py` ----
os.setpgid(0, 0)
ctl.close()
os.close(r)
os.close(w)
os.close(go_w)
os.read(go_r, 1)  # EOF once the zygote has reaped the intermediate process
os.close(go_r)
os.dup2(fds[0], 0)
os.dup2(fds[1], 1)
os.dup2(fds[2], 2)
os.closerange(3, 1 << 20)
libc.prctl(4, 1, 0, 0, 0)
cpu_s, fsize, nofile, stack_kb, as_kb, nproc = (int(x) for x in msg.split()[1:7])
resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
if stack_kb > 0:
    resource.setrlimit(resource.RLIMIT_STACK, (stack_kb * 1024, stack_kb * 1024))
if as_kb > 0:
    resource.setrlimit(resource.RLIMIT_AS, (as_kb * 1024, as_kb * 1024))
if nproc > 0:
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
os.chdir('/box')
sys.argv[:] = [path]
sys.path[0] = os.path.dirname(path)
main = type(sys)('__main__')
main.__file__ = path
main.__cached__ = None
main.__builtins__ = builtins
main.__loader__ = Loader('__main__', path)
main.__annotations__ = {}
sys.modules['__main__'] = main
# This module's frame sits under the program's: one more level, so the program reaches the same depth.
sys.setrecursionlimit(sys.getrecursionlimit() + 1)
status = 0
try:
    exec(code, main.__dict__)
except SystemExit as e:
    c = e.code
    if c is None:
        status = 0
    elif isinstance(c, int):
        status = c & 0xFF
    else:
        try:
            sys.stderr.write(str(c) + '\n')
        except Exception:
            pass
        status = 1
except BaseException as e:
    # Without this module's frame, as `python3 main.py` prints it.
    e.__traceback__ = e.__traceback__.tb_next
    sys.last_type, sys.last_value, sys.last_traceback = type(e), e, e.__traceback__
    sys.excepthook(type(e), e, e.__traceback__)
    status = 1
# What Py_FinalizeEx does before the process ends: threads, atexit, then the std streams (stdout failing = 120).
t = sys.modules.get('threading')
if t is not None:
    try:
        t._shutdown()
    except BaseException:
        pass
atexit._run_exitfuncs()
try:
    sys.stdout.flush()
except BaseException as e:
    try:
        sys.stderr.write('Exception ignored in: %r\n%s: %s\n' % (sys.stdout, type(e).__name__, e))
    except BaseException:
        pass
    status = 120
try:
    sys.stderr.flush()
except BaseException:
    pass
os._exit(status)
