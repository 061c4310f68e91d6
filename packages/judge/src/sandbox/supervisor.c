/*
 * LogiCode judge supervisor. One static binary, three modes:
 *
 *   supervisor outer [--cg FILE]... [--uid U --gid G] -- CMD...
 *       Runs on the host as root: joins the job's cgroups (FILE = a cgroup.procs), drops to the sandbox uid,
 *       asks for SIGKILL when its parent (the judge) dies, and execs CMD (bwrap). The cgroup join must happen
 *       before the uid drop, which is why Node cannot do this itself (spawn's uid option drops first).
 *   supervisor seccomp
 *       Prints a classic-BPF seccomp denylist for bwrap --seccomp (x86_64 only; no libseccomp needed).
 *   supervisor outer [--nice N] ...: lowers the sandbox's CPU priority (judging yields to the api), inherited by all.
 *   supervisor inner [--box DIR] [--clean DIR]... [--oom-file F] [--pidns] -- PROGRAM...
 *       Runs inside the sandbox. Reads RUN requests on fd 3 and runs PROGRAM once per request with its own
 *       rlimits, CPU/wall/output limits, and reports usage measured by wait4 (the outer bwrap's rusage is
 *       bwrap's own, not the program's: ../shared/research/sandbox-lab.md §3). Results go back on fd 3.
 *
 * Wire format (fd 3, a socketpair from Node):
 *   in : "RUN cpu_ms wall_ms fsize out_limit err_limit stack_kb as_kb nproc nofile fresh nfiles stdin_len nargs [mode]\n"
 *        then nargs x ("len\n" arg) replacing PROGRAM when nargs > 0 (a syntax check in the same sandbox),
 *        then nfiles x ("name_len data_len\n" name data), then stdin bytes.
 *   out: "READY\n" once at start, then per run
 *        "O len\n" bytes | "E len\n" bytes |
 *        "R status exit signal cpu_us wall_us maxrss_kb oom_kills stdout_total stderr_total\n"
 *        status: ok | cpu | wall | ole | fail.
 *   mode (optional, default 0): 1 = the argv starts a warm interpreter (a "zygote", Python): it checks the program,
 *   and either fails like any program (a syntax error) or writes "K" on fd 3 (a SOCK_SEQPACKET socket) and stays;
 *   that run is reported as exit 0. 2 = run this test by asking the zygote to fork a clean child (the zygote
 *   double-forks, so the child is ours to wait4 as a subreaper); without a live zygote, mode 2 is mode 0.
 *   Zygote wire: "S cpu_s fsize nofile stack_kb as_kb nproc" + SCM_RIGHTS [stdin, stdout, stderr] → "P pid".
 *
 * Wall limit: killed for wall time when wall - waited > wall_ms, where waited is the longest time any thread of
 * the program, or the supervisor itself (which wakes every 10 ms), spent runnable but waiting for a CPU
 * (/proc/.../schedstat), or at WALL_HARD_FACTOR x wall_ms whatever the reason: a program that sleeps is still a
 * TLE at wall_ms on a quiet machine, and an AC program slowed down by a busy one (the judge runs at a low
 * priority) is not.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHAN 3
#define MAX_CLEAN 4
#define MAX_ARGS 64
#define WALL_HARD_FACTOR 30
#define ZYGOTE_REPLY_MS 10000
#include <sys/socket.h>

static void die(const char *msg) {
  dprintf(2, "supervisor: %s: %s\n", msg, strerror(errno));
  exit(111);
}

/* ---------- outer ---------- */

static int outer(int argc, char **argv) {
  int i = 0;
  long uid = -1, gid = -1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (strcmp(argv[i], "--cg") == 0 && i + 1 < argc) {
      int fd = open(argv[++i], O_WRONLY | O_CLOEXEC);
      if (fd < 0) die(argv[i]);
      if (dprintf(fd, "%d\n", getpid()) < 0) die("join cgroup");
      close(fd);
    } else if (strcmp(argv[i], "--uid") == 0 && i + 1 < argc) {
      uid = atol(argv[++i]);
    } else if (strcmp(argv[i], "--gid") == 0 && i + 1 < argc) {
      gid = atol(argv[++i]);
    } else if (strcmp(argv[i], "--nice") == 0 && i + 1 < argc) {
      /* Everything in the sandbox inherits it: compilers, programs, checkers yield the CPU to the api. */
      if (setpriority(PRIO_PROCESS, 0, atoi(argv[++i])) != 0) die("setpriority");
    }
  }
  if (i + 1 >= argc) { dprintf(2, "supervisor outer: no command\n"); return 111; }
  pid_t parent = getppid();
  if (gid >= 0) {
    if (setgroups(0, NULL) != 0) die("setgroups");
    if (setgid((gid_t)gid) != 0) die("setgid");
  }
  if (uid >= 0 && setuid((uid_t)uid) != 0) die("setuid");
  /* PDEATHSIG is cleared by a credential change, so set it after the drop; it survives the exec of bwrap. */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) return 111;
  execv(argv[i + 1], &argv[i + 1]);
  die("exec");
  return 111;
}

#include "seccomp-filter.h"

/* ---------- inner ---------- */

static char rbuf[65536];
static size_t rpos, rlen;

static int chan_getc(void) {
  if (rpos == rlen) {
    ssize_t n;
    do n = read(CHAN, rbuf, sizeof rbuf); while (n < 0 && errno == EINTR);
    if (n <= 0) return -1;
    rpos = 0; rlen = (size_t)n;
  }
  return (unsigned char)rbuf[rpos++];
}

static int chan_line(char *out, size_t cap) {
  size_t n = 0;
  for (;;) {
    int c = chan_getc();
    if (c < 0) return -1;
    if (c == '\n') break;
    if (n + 1 < cap) out[n++] = (char)c;
  }
  out[n] = 0;
  return 0;
}

/* Copies len bytes of the request into fd (or discards them when fd < 0). */
static int chan_copy(int fd, size_t len) {
  while (len > 0) {
    if (rpos == rlen && chan_getc() >= 0) rpos--;
    if (rpos == rlen) return -1;
    size_t take = rlen - rpos < len ? rlen - rpos : len;
    if (fd >= 0) {
      size_t off = 0;
      while (off < take) {
        ssize_t w = write(fd, rbuf + rpos + off, take - off);
        if (w < 0) { if (errno == EINTR) continue; return -1; }
        off += (size_t)w;
      }
    }
    rpos += take; len -= take;
  }
  return 0;
}

static void chan_write(const void *buf, size_t len) {
  const char *p = buf;
  while (len > 0) {
    ssize_t w = write(CHAN, p, len);
    if (w < 0) { if (errno == EINTR) continue; exit(0); /* the judge went away */ }
    p += w; len -= (size_t)w;
  }
}

static void chan_chunk(char tag, const char *data, size_t len) {
  char head[32];
  int h = snprintf(head, sizeof head, "%c %zu\n", tag, len);
  chan_write(head, (size_t)h);
  chan_write(data, len);
}

/* Empties a directory the program may have booby-trapped (mode 000 dirs, deep trees). */
static void empty_dir(int dirfd) {
  DIR *d = fdopendir(dirfd);
  if (!d) { close(dirfd); return; }
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    if (unlinkat(dirfd, e->d_name, 0) == 0) continue;
    fchmodat(dirfd, e->d_name, 0700, 0);
    int sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub >= 0) empty_dir(sub);
    unlinkat(dirfd, e->d_name, AT_REMOVEDIR);
  }
  closedir(d);
}

static void clean(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) empty_dir(fd);
}

/* Reads a small file (/proc, cgroup) whole into buf, NUL-terminated; 0 when it cannot be read or is empty. */
static int read_small_file(const char *file, char *buf, size_t cap) {
  int fd = open(file, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, cap - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = 0;
  return 1;
}

static long read_oom_kills(const char *file) {
  if (!file) return 0;
  char buf[4096];
  if (!read_small_file(file, buf, sizeof buf)) return 0;
  char *p = strstr(buf, "oom_kill ");
  return p ? atol(p + 9) : 0;
}

/* CPU of the whole thread group so far (utime + stime, clock ticks), for enforcement while it runs. */
static long proc_cpu_ms(pid_t pid) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%d/stat", pid);
  if (!read_small_file(path, buf, sizeof buf)) return 0;
  char *p = strrchr(buf, ')');
  if (!p) return 0;
  unsigned long utime = 0, stime = 0;
  /* fields after the command: state(3) ... utime(14) stime(15) */
  if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) return 0;
  return (long)((utime + stime) * 1000 / (unsigned long)sysconf(_SC_CLK_TCK));
}

static long now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

struct req {
  long cpu_ms, wall_ms, fsize, out_limit, err_limit, stack_kb, as_kb, nproc, nofile, fresh, nfiles, stdin_len, nargs, mode;
  char *args[MAX_ARGS + 1];
};

struct opts {
  const char *box;
  const char *cleans[MAX_CLEAN];
  int ncleans;
  const char *oom_file;
  int pidns;
  char **prog;
};

static void set_limit(int res, rlim_t soft, rlim_t hard) {
  struct rlimit rl = { soft, hard };
  setrlimit(res, &rl);
}

/* Lowers only the soft limit: a zygote's children set their own limits, both soft and hard, per test. */
static void set_soft(int res, rlim_t soft) {
  struct rlimit rl;
  if (getrlimit(res, &rl) != 0) return;
  rl.rlim_cur = soft < rl.rlim_max ? soft : rl.rlim_max;
  setrlimit(res, &rl);
}

/* ctl_fd >= 0: the program is a zygote; it gets that socket as fd 3. */
static void child_exec(const struct opts *o, const struct req *r, int in_fd, int out_fd, int err_fd, int ctl_fd) {
  setpgid(0, 0);
  signal(SIGPIPE, SIG_DFL);
  if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(126);
  if (ctl_fd >= 0 && dup2(ctl_fd, 3) < 0) _exit(126);
  syscall(SYS_close_range, ctl_fd >= 0 ? 4 : 3, ~0U, 0);
  /* Should the sandbox's memory cgroup run out, its OOM killer must take the program's processes (a fork bomb's
   * children inherit this), never bwrap's init or us: losing either ends the whole sandbox. Raising needs no
   * privilege, but a non-dumpable process's /proc files are root's: become dumpable first, as exec would make
   * us anyway (the channel is closed by now, so nothing of ours is exposed). */
  prctl(PR_SET_DUMPABLE, 1);
  int adj = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (adj >= 0) { if (write(adj, "1000", 4) < 0) { /* an unwritable /proc only loses this preference */ } close(adj); }
  if (chdir(o->box) != 0) _exit(126);
  rlim_t cpu_s = (rlim_t)((r->cpu_ms + 999) / 1000 + 1); /* a backstop: RLIMIT_CPU has 1 s granularity */
  if (ctl_fd >= 0) {
    set_soft(RLIMIT_CPU, cpu_s);
    set_soft(RLIMIT_FSIZE, (rlim_t)r->fsize);
    set_soft(RLIMIT_NOFILE, (rlim_t)r->nofile);
    if (r->stack_kb > 0) set_soft(RLIMIT_STACK, (rlim_t)r->stack_kb * 1024);
    char *const *zargv = (char *const *)r->args;
    if (o->pidns) install_program_filter(getppid(), getpid());
    execv(zargv[0], zargv);
    dprintf(2, "cannot execute %s: %s\n", zargv[0], strerror(errno));
    _exit(127);
  }
  set_limit(RLIMIT_CPU, cpu_s, cpu_s + 1);
  set_limit(RLIMIT_FSIZE, (rlim_t)r->fsize, (rlim_t)r->fsize);
  set_limit(RLIMIT_CORE, 0, 0);
  set_limit(RLIMIT_NOFILE, (rlim_t)r->nofile, (rlim_t)r->nofile);
  if (r->stack_kb > 0) set_limit(RLIMIT_STACK, (rlim_t)r->stack_kb * 1024, (rlim_t)r->stack_kb * 1024);
  if (r->as_kb > 0) set_limit(RLIMIT_AS, (rlim_t)r->as_kb * 1024, (rlim_t)r->as_kb * 1024);
  if (r->nproc > 0) set_limit(RLIMIT_NPROC, (rlim_t)r->nproc, (rlim_t)r->nproc);
  char *const *argv = r->nargs > 0 ? (char *const *)r->args : (char *const *)o->prog;
  /* In a sandbox, the program may not signal us (nor bwrap's init, nor everyone): see install_program_filter. */
  if (o->pidns) install_program_filter(getppid(), getppid());
  execv(argv[0], argv);
  dprintf(2, "cannot execute %s: %s\n", argv[0], strerror(errno));
  _exit(127);
}

/* The warm interpreter (mode 1), alive between tests; 0 when there is none. */
static pid_t zygote_pid;
static int zygote_ctl = -1;

static void zygote_stop(void) {
  if (zygote_pid > 0) { kill(zygote_pid, SIGKILL); waitpid(zygote_pid, NULL, 0); }
  if (zygote_ctl >= 0) close(zygote_ctl);
  zygote_pid = 0;
  zygote_ctl = -1;
}

/* SIGKILLs every process of the sandbox but bwrap's init, us and the zygote; returns how many it found
 * (zombies included, so a caller loops until the test left nothing behind). */
static int kill_others(void) {
  DIR *d = opendir("/proc");
  if (!d) return -1;
  int found = 0;
  pid_t self = getpid();
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    char *end;
    long p = strtol(e->d_name, &end, 10);
    if (*end || p <= 1 || p == self || p == zygote_pid) continue;
    kill((pid_t)p, SIGKILL);
    found++;
  }
  closedir(d);
  return found;
}

static void kill_all(const struct opts *o, pid_t pid) {
  /* In the sandbox's own pid namespace kill(-1) reaches every process but bwrap's init and us, so a
   * setsid'd background child cannot survive the test. Outside a sandbox that would hit the host.
   * With a zygote, everything but it (it never runs the student's code itself). */
  if (o->pidns && zygote_pid > 0 && pid != zygote_pid) { if (kill_others() < 0) zygote_stop(); }
  if (o->pidns && zygote_pid <= 0) kill(-1, SIGKILL);
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
}

static void reap_all(void) {
  /* We are a child subreaper, so orphans come back to us; wait (bounded) until none is left. */
  for (int i = 0; i < 400; i++) {
    pid_t p;
    while ((p = waitpid(-1, NULL, WNOHANG)) > 0) {
      if (p == zygote_pid) { zygote_pid = 0; zygote_stop(); }
    }
    if (zygote_pid > 0) {
      /* The zygote stays our child, so ECHILD never comes: done when /proc shows nothing else. */
      if (kill_others() == 0) return;
    } else if (p < 0 && errno == ECHILD) {
      return;
    }
    struct timespec ts = { 0, i < 50 ? 1000000 : 5000000 };
    nanosleep(&ts, NULL);
  }
  if (zygote_pid > 0) { zygote_stop(); kill(-1, SIGKILL); reap_all(); }
}

/* Asks the zygote for a clean child running the program on these fds; its pid, or -1 (then: a cold start). */
static pid_t zygote_spawn(const struct req *r, int in_fd, int out_fd, int err_fd) {
  char msg[256];
  long cpu_s = (r->cpu_ms + 999) / 1000 + 1;
  int len = snprintf(msg, sizeof msg, "S %ld %ld %ld %ld %ld %ld", cpu_s, r->fsize, r->nofile, r->stack_kb, r->as_kb, r->nproc);
  int fds[3] = { in_fd, out_fd, err_fd };
  union { char buf[CMSG_SPACE(sizeof fds)]; struct cmsghdr align; } u;
  struct iovec iov = { msg, (size_t)len };
  struct msghdr m = { 0 };
  m.msg_iov = &iov; m.msg_iovlen = 1; m.msg_control = u.buf; m.msg_controllen = sizeof u.buf;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET; c->cmsg_type = SCM_RIGHTS; c->cmsg_len = CMSG_LEN(sizeof fds);
  memcpy(CMSG_DATA(c), fds, sizeof fds);
  if (sendmsg(zygote_ctl, &m, MSG_NOSIGNAL) != len) { zygote_stop(); return -1; }
  struct pollfd p = { zygote_ctl, POLLIN, 0 };
  int n;
  do n = poll(&p, 1, ZYGOTE_REPLY_MS); while (n < 0 && errno == EINTR);
  char reply[64];
  ssize_t got = n > 0 ? recv(zygote_ctl, reply, sizeof reply - 1, 0) : -1;
  int pid = 0;
  if (got > 0) { reply[got] = 0; if (sscanf(reply, "P %d", &pid) != 1) pid = 0; }
  if (pid <= 1) { zygote_stop(); return -1; }
  return (pid_t)pid;
}

/* The longest any thread of the program spent runnable but waiting for a CPU (ns → us); 0 if the kernel does
 * not say. The busiest thread is not always the main one (the java launcher's main thread only waits). */
static long run_delay_us(pid_t pid) {
  char path[96], buf[128];
  snprintf(path, sizeof path, "/proc/%d/task", pid);
  DIR *d = opendir(path);
  if (!d) return 0;
  unsigned long long most = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    snprintf(path, sizeof path, "/proc/%d/task/%.16s/schedstat", pid, e->d_name);
    if (!read_small_file(path, buf, sizeof buf)) continue;
    unsigned long long run = 0, delay = 0;
    if (sscanf(buf, "%llu %llu", &run, &delay) == 2 && delay > most) most = delay;
  }
  closedir(d);
  return (long)(most / 1000);
}

/* Our own time waiting for a CPU: we wake every 10 ms, so it samples how starved the sandbox is (a compiler's
 * work is in child processes, cc1plus then as then ld, whose own run_delay is gone when they exit). */
static long self_delay_us(void) {
  char buf[128];
  if (!read_small_file("/proc/self/schedstat", buf, sizeof buf)) return 0;
  unsigned long long run = 0, delay = 0;
  return sscanf(buf, "%llu %llu", &run, &delay) == 2 ? (long)(delay / 1000) : 0;
}

static long vm_hwm_kb(pid_t pid) {
  char path[64], buf[4096];
  snprintf(path, sizeof path, "/proc/%d/status", pid);
  if (!read_small_file(path, buf, sizeof buf)) return 0;
  char *q = strstr(buf, "VmHWM:");
  return q ? atol(q + 6) : 0;
}

static int write_files(const struct opts *o, long nfiles) {
  char line[128], name[256];
  for (long i = 0; i < nfiles; i++) {
    long nlen, dlen;
    if (chan_line(line, sizeof line) < 0 || sscanf(line, "%ld %ld", &nlen, &dlen) != 2) return -1;
    if (nlen <= 0 || nlen >= (long)sizeof name) return -1;
    for (long j = 0; j < nlen; j++) { int c = chan_getc(); if (c < 0) return -1; name[j] = (char)c; }
    name[nlen] = 0;
    if (strchr(name, '/') || name[0] == '.') return -1;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", o->box, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (chan_copy(fd, (size_t)dlen) < 0) { if (fd >= 0) close(fd); return -1; }
    if (fd >= 0) close(fd);
  }
  return 0;
}

static int read_args(struct req *r) {
  char line[64];
  if (r->nargs < 0 || r->nargs > MAX_ARGS) return -1;
  for (long i = 0; i < r->nargs; i++) {
    long len;
    if (chan_line(line, sizeof line) < 0 || sscanf(line, "%ld", &len) != 1 || len < 0 || len > 65536) return -1;
    r->args[i] = malloc((size_t)len + 1);
    if (!r->args[i]) return -1;
    for (long j = 0; j < len; j++) { int c = chan_getc(); if (c < 0) return -1; r->args[i][j] = (char)c; }
    r->args[i][len] = 0;
  }
  r->args[r->nargs] = NULL;
  return 0;
}

static void run_one(const struct opts *o, struct req *r) {
  if (read_args(r) < 0) { dprintf(2, "supervisor: bad args\n"); exit(112); }
  if (r->fresh) for (int i = 0; i < o->ncleans; i++) clean(o->cleans[i]);
  if (write_files(o, r->nfiles) < 0) { dprintf(2, "supervisor: bad files\n"); exit(112); }
  int in_fd = memfd_create("stdin", MFD_CLOEXEC);
  if (in_fd < 0) die("memfd");
  if (chan_copy(in_fd, (size_t)r->stdin_len) < 0) exit(112);
  lseek(in_fd, 0, SEEK_SET);
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) die("pipe");
  /* A zygote needs the pid namespace: without one, /proc and kill would reach the host. */
  int starting = r->mode == 1 && o->pidns && r->nargs > 0;
  int sv[2] = { -1, -1 };
  if (starting) {
    zygote_stop();
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) die("socketpair");
  }
  long oom_before = read_oom_kills(o->oom_file);
  long self_delay0 = self_delay_us();
  long start = now_us();
  pid_t pid = r->mode == 2 && zygote_pid > 0 ? zygote_spawn(r, in_fd, out[1], err[1]) : -1;
  if (pid < 0) {
    pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) child_exec(o, r, in_fd, out[1], err[1], starting ? sv[1] : -1);
  }
  close(in_fd); close(out[1]); close(err[1]);
  if (starting) close(sv[1]);
  int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  const char *status = "ok";
  long out_n = 0, err_n = 0;
  int out_open = 1, err_open = 1, exited = 0, wst = 0, ready = 0;
  long ready_cpu_us = 0, ready_rss_kb = 0;
  struct rusage ru = { 0 };
  char buf[65536];
  long end = 0;
  while (!exited || out_open || err_open) {
    struct pollfd p[4] = { { out_open ? out[0] : -1, POLLIN, 0 }, { err_open ? err[0] : -1, POLLIN, 0 },
                           { exited ? -1 : pidfd, POLLIN, 0 }, { starting && !exited ? sv[0] : -1, POLLIN, 0 } };
    int n = poll(p, 4, exited ? 200 : 10);
    if (n < 0 && errno != EINTR) die("poll");
    if (n == 0 && exited) break; /* pipes held by nothing we can wait for */
    for (int s = 0; s < 2; s++) {
      if (!(p[s].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(s == 0 ? out[0] : err[0], buf, sizeof buf);
      if (got <= 0) { if (s == 0) out_open = 0; else err_open = 0; continue; }
      if (s == 0) {
        long room = r->out_limit - out_n;
        if (room > 0) chan_chunk('O', buf, (size_t)(got < room ? got : room));
        out_n += got;
        if (out_n > r->out_limit && strcmp(status, "ok") == 0) { status = "ole"; kill_all(o, pid); }
      } else {
        long room = r->err_limit - err_n;
        if (room > 0) chan_chunk('E', buf, (size_t)(got < room ? got : room));
        err_n += got;
      }
    }
    if (!exited && p[3].revents) {
      /* The zygote checked the program and waits for tests: this run ends here, as a clean exit. */
      char k = 0;
      if (recv(sv[0], &k, 1, MSG_DONTWAIT) == 1 && k == 'K' && strcmp(status, "ok") == 0) {
        exited = ready = 1;
        end = now_us();
        ready_cpu_us = proc_cpu_ms(pid) * 1000;
        ready_rss_kb = vm_hwm_kb(pid);
      } else {
        starting = 0; /* closed without K: it exits like any program, and pidfd says so */
      }
    }
    if (!exited && (p[2].revents & POLLIN || pidfd < 0)) {
      pid_t w = wait4(pid, &wst, pidfd < 0 ? WNOHANG : 0, &ru);
      if (w == pid) {
        exited = 1;
        end = now_us();
        kill_all(o, pid); /* whatever it left running dies with the test */
      }
    }
    if (!exited && strcmp(status, "ok") == 0) {
      long wall_us = now_us() - start, limit_us = r->wall_ms * 1000;
      long waited_us = 0;
      if (wall_us > limit_us) {
        long a = run_delay_us(pid), b = self_delay_us() - self_delay0;
        waited_us = a > b ? a : b;
      }
      if (wall_us > limit_us * WALL_HARD_FACTOR || (wall_us > limit_us && wall_us - waited_us > limit_us)) {
        status = "wall"; kill_all(o, pid);
      }
      else if (proc_cpu_ms(pid) > r->cpu_ms) { status = "cpu"; kill_all(o, pid); }
    }
  }
  if (!exited) { wait4(pid, &wst, 0, &ru); end = now_us(); }
  if (ready) {
    zygote_pid = pid;
    zygote_ctl = sv[0];
    ru.ru_utime.tv_sec = ready_cpu_us / 1000000; ru.ru_utime.tv_usec = ready_cpu_us % 1000000;
    ru.ru_maxrss = ready_rss_kb;
  } else if (sv[0] >= 0) {
    close(sv[0]);
  }
  reap_all();
  close(out[0]); close(err[0]);
  if (pidfd >= 0) close(pidfd);
  long oom = read_oom_kills(o->oom_file) - oom_before;
  long cpu_us = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec;
  int code = WIFEXITED(wst) ? WEXITSTATUS(wst) : -1;
  int sig = WIFSIGNALED(wst) ? WTERMSIG(wst) : 0;
  char line[256];
  int len = snprintf(line, sizeof line, "R %s %d %d %ld %ld %ld %ld %ld %ld\n", status, code, sig, cpu_us, end - start,
                     ru.ru_maxrss, oom, out_n, err_n);
  chan_write(line, (size_t)len);
  for (long i = 0; i < r->nargs; i++) free(r->args[i]);
}

static int inner(int argc, char **argv) {
  struct opts o = { .box = "/box" };
  int i = 0;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (strcmp(argv[i], "--box") == 0 && i + 1 < argc) o.box = argv[++i];
    else if (strcmp(argv[i], "--clean") == 0 && i + 1 < argc && o.ncleans < MAX_CLEAN) o.cleans[o.ncleans++] = argv[++i];
    else if (strcmp(argv[i], "--oom-file") == 0 && i + 1 < argc) o.oom_file = argv[++i];
    else if (strcmp(argv[i], "--pidns") == 0) o.pidns = 1;
  }
  if (i + 1 >= argc) { dprintf(2, "supervisor inner: no program\n"); return 111; }
  o.prog = &argv[i + 1];
  /* Not dumpable: the program runs as our uid, and must not open /proc/<us>/fd/3 to forge results. */
  prctl(PR_SET_DUMPABLE, 0);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  signal(SIGPIPE, SIG_IGN);
  chan_write("READY\n", 6);
  char line[512];
  while (chan_line(line, sizeof line) == 0) {
    struct req r;
    r.mode = 0;
    if (sscanf(line, "RUN %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld", &r.cpu_ms, &r.wall_ms, &r.fsize,
               &r.out_limit, &r.err_limit, &r.stack_kb, &r.as_kb, &r.nproc, &r.nofile, &r.fresh, &r.nfiles,
               &r.stdin_len, &r.nargs, &r.mode) < 13) {
      dprintf(2, "supervisor: bad request\n");
      return 112;
    }
    run_one(&o, &r);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "outer") == 0) return outer(argc - 2, argv + 2);
  if (argc >= 2 && strcmp(argv[1], "seccomp") == 0) return seccomp_main();
  if (argc >= 2 && strcmp(argv[1], "inner") == 0) return inner(argc - 2, argv + 2);
  dprintf(2, "usage: supervisor outer|seccomp|inner ...\n");
  return 111;
}
