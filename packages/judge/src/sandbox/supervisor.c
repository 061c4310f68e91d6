/*
 * LogiCode judge supervisor. One static binary, three modes:
 *
 *   supervisor outer [--cg FILE]... [--uid U --gid G] -- CMD...
 *       Runs on the host as root: joins the job's cgroups (FILE = a cgroup.procs), drops to the sandbox uid,
 *       asks for SIGKILL when its parent (the judge) dies, and execs CMD (bwrap). The cgroup join must happen
 *       before the uid drop, which is why Node cannot do this itself (spawn's uid option drops first).
 *   supervisor seccomp
 *       Prints a classic-BPF seccomp denylist for bwrap --seccomp (x86_64 only; no libseccomp needed).
 *   supervisor inner [--box DIR] [--clean DIR]... [--oom-file F] [--pidns] -- PROGRAM...
 *       Runs inside the sandbox. Reads RUN requests on fd 3 and runs PROGRAM once per request with its own
 *       rlimits, CPU/wall/output limits, and reports usage measured by wait4 (the outer bwrap's rusage is
 *       bwrap's own, not the program's: ../shared/research/sandbox-lab.md §3). Results go back on fd 3.
 *
 * Wire format (fd 3, a socketpair from Node):
 *   in : "RUN cpu_ms wall_ms fsize out_limit err_limit stack_kb as_kb nproc nofile fresh nfiles stdin_len nargs\n"
 *        then nargs x ("len\n" arg) replacing PROGRAM when nargs > 0 (a syntax check in the same sandbox),
 *        then nfiles x ("name_len data_len\n" name data), then stdin bytes.
 *   out: "READY\n" once at start, then per run
 *        "O len\n" bytes | "E len\n" bytes |
 *        "R status exit signal cpu_us wall_us maxrss_kb oom_kills stdout_total stderr_total\n"
 *        status: ok | cpu | wall | ole | fail.
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

static long read_oom_kills(const char *file) {
  if (!file) return 0;
  char buf[4096];
  int fd = open(file, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = 0;
  char *p = strstr(buf, "oom_kill ");
  return p ? atol(p + 9) : 0;
}

/* CPU of the whole thread group so far (utime + stime, clock ticks), for enforcement while it runs. */
static long proc_cpu_ms(pid_t pid) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%d/stat", pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = 0;
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
  long cpu_ms, wall_ms, fsize, out_limit, err_limit, stack_kb, as_kb, nproc, nofile, fresh, nfiles, stdin_len, nargs;
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

static void child_exec(const struct opts *o, const struct req *r, int in_fd, int out_fd, int err_fd) {
  setpgid(0, 0);
  signal(SIGPIPE, SIG_DFL);
  if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(126);
  syscall(SYS_close_range, 3, ~0U, 0);
  /* Should the sandbox's memory cgroup run out, its OOM killer must take the program's processes (a fork bomb's
   * children inherit this), never bwrap's init or us: losing either ends the whole sandbox. Raising needs no
   * privilege, but a non-dumpable process's /proc files are root's: become dumpable first, as exec would make
   * us anyway (the channel is closed by now, so nothing of ours is exposed). */
  prctl(PR_SET_DUMPABLE, 1);
  int adj = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (adj >= 0) { if (write(adj, "1000", 4) < 0) { /* an unwritable /proc only loses this preference */ } close(adj); }
  if (chdir(o->box) != 0) _exit(126);
  rlim_t cpu_s = (rlim_t)((r->cpu_ms + 999) / 1000 + 1); /* a backstop: RLIMIT_CPU has 1 s granularity */
  set_limit(RLIMIT_CPU, cpu_s, cpu_s + 1);
  set_limit(RLIMIT_FSIZE, (rlim_t)r->fsize, (rlim_t)r->fsize);
  set_limit(RLIMIT_CORE, 0, 0);
  set_limit(RLIMIT_NOFILE, (rlim_t)r->nofile, (rlim_t)r->nofile);
  if (r->stack_kb > 0) set_limit(RLIMIT_STACK, (rlim_t)r->stack_kb * 1024, (rlim_t)r->stack_kb * 1024);
  if (r->as_kb > 0) set_limit(RLIMIT_AS, (rlim_t)r->as_kb * 1024, (rlim_t)r->as_kb * 1024);
  if (r->nproc > 0) set_limit(RLIMIT_NPROC, (rlim_t)r->nproc, (rlim_t)r->nproc);
  char *const *argv = r->nargs > 0 ? (char *const *)r->args : (char *const *)o->prog;
  /* In a sandbox, the program may not signal us (nor bwrap's init, nor everyone): see install_program_filter. */
  if (o->pidns) install_program_filter(getppid());
  execv(argv[0], argv);
  dprintf(2, "cannot execute %s: %s\n", argv[0], strerror(errno));
  _exit(127);
}

static void kill_all(const struct opts *o, pid_t pid) {
  /* In the sandbox's own pid namespace kill(-1) reaches every process but bwrap's init and us, so a
   * setsid'd background child cannot survive the test. Outside a sandbox that would hit the host. */
  if (o->pidns) kill(-1, SIGKILL);
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
}

static void reap_all(void) {
  /* We are a child subreaper, so orphans come back to us; wait (bounded) until none is left. */
  for (int i = 0; i < 200; i++) {
    pid_t p = waitpid(-1, NULL, WNOHANG);
    if (p < 0 && errno == ECHILD) return;
    if (p == 0) { struct timespec ts = { 0, 5000000 }; nanosleep(&ts, NULL); }
  }
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
  long oom_before = read_oom_kills(o->oom_file);
  long start = now_us();
  pid_t pid = fork();
  if (pid < 0) die("fork");
  if (pid == 0) child_exec(o, r, in_fd, out[1], err[1]);
  close(in_fd); close(out[1]); close(err[1]);
  int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  const char *status = "ok";
  long out_n = 0, err_n = 0;
  int out_open = 1, err_open = 1, exited = 0, wst = 0;
  struct rusage ru = { 0 };
  char buf[65536];
  long end = 0;
  while (!exited || out_open || err_open) {
    struct pollfd p[3] = { { out_open ? out[0] : -1, POLLIN, 0 }, { err_open ? err[0] : -1, POLLIN, 0 },
                           { exited ? -1 : pidfd, POLLIN, 0 } };
    int n = poll(p, 3, exited ? 200 : 10);
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
    if (!exited && (p[2].revents & POLLIN || pidfd < 0)) {
      pid_t w = wait4(pid, &wst, pidfd < 0 ? WNOHANG : 0, &ru);
      if (w == pid) {
        exited = 1;
        end = now_us();
        kill_all(o, pid); /* whatever it left running dies with the test */
      }
    }
    if (!exited && strcmp(status, "ok") == 0) {
      if (now_us() - start > r->wall_ms * 1000) { status = "wall"; kill_all(o, pid); }
      else if (proc_cpu_ms(pid) > r->cpu_ms) { status = "cpu"; kill_all(o, pid); }
    }
  }
  if (!exited) { wait4(pid, &wst, 0, &ru); end = now_us(); }
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
    if (sscanf(line, "RUN %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld", &r.cpu_ms, &r.wall_ms, &r.fsize,
               &r.out_limit, &r.err_limit, &r.stack_kb, &r.as_kb, &r.nproc, &r.nofile, &r.fresh, &r.nfiles,
               &r.stdin_len, &r.nargs) != 13) {
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
