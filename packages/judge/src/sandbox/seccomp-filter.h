/*
 * The seccomp filter the supervisor prints for bwrap --seccomp (`supervisor seccomp`): classic BPF, x86_64
 * only, no libseccomp needed. A denylist: the namespaces, mounts and user namespace already confine the
 * program; this removes kernel surface it never needs (sandbox-lab.md §1). Included by supervisor.c.
 */
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>

static int seccomp_main(void) {
  static const int deny[] = {
    SYS_ptrace, SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot, SYS_unshare, SYS_setns, SYS_keyctl,
    SYS_add_key, SYS_request_key, SYS_bpf, SYS_perf_event_open, SYS_userfaultfd, SYS_kexec_load,
    SYS_init_module, SYS_finit_module, SYS_delete_module, SYS_process_vm_readv, SYS_process_vm_writev,
    SYS_swapon, SYS_swapoff, SYS_reboot, SYS_acct, SYS_quotactl, SYS_open_by_handle_at,
    SYS_name_to_handle_at, SYS_iopl, SYS_ioperm, SYS_clock_settime, SYS_settimeofday, SYS_adjtimex,
    SYS_clock_adjtime, SYS_syslog, SYS_vhangup, SYS_lookup_dcookie, SYS_kcmp, SYS_fanotify_init,
#ifdef SYS_kexec_file_load
    SYS_kexec_file_load,
#endif
#ifdef SYS_io_uring_setup
    SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register,
#endif
#ifdef SYS_fsopen
    SYS_fsopen, SYS_fsconfig, SYS_fsmount, SYS_fspick, SYS_open_tree, SYS_move_mount,
#endif
#ifdef SYS_mount_setattr
    SYS_mount_setattr,
#endif
#ifdef SYS_pidfd_getfd
    SYS_pidfd_getfd,
#endif
  };
  enum { N = sizeof(deny) / sizeof(deny[0]) };
  struct sock_filter f[8 + 2 * N + 8];
  int k = 0;
  const uint32_t eperm = SECCOMP_RET_ERRNO | EPERM;
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  /* x32 syscalls (bit 30) would bypass a number-based list. */
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
  for (int j = 0; j < N; j++) {
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)deny[j], 0, 1);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, eperm);
  }
  /* clone3 passes flags in memory the filter cannot read: ENOSYS makes glibc fall back to clone. */
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 3);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]));
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K,
      CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | 0x80, 0, 1);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, eperm);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  if (write(1, f, sizeof(f[0]) * (size_t)k) != (ssize_t)(sizeof(f[0]) * (size_t)k)) die("write");
  return 0;
}


/*
 * The program's own filter, installed by the supervisor in the child just before exec (on top of bwrap's): the
 * program runs under the supervisor's uid, so without it `kill(getppid(), SIGKILL)` ends the supervisor and every
 * test reads RE (issue 15). Signals, pidfds, rlimits and scheduling aimed at the supervisor (`guard`), at bwrap's
 * init (pid 1), at every process (-1) or at the supervisor's process group (-guard) fail with EPERM; the program's
 * own processes stay its to signal. Only the low 32 bits of the pid argument are compared: the kernel reads a pid_t.
 */
static void install_program_filter(pid_t guard, pid_t guard2) {
  static const struct { int nr; int arg; } aimed[] = {
    { SYS_kill, 0 }, { SYS_tkill, 0 }, { SYS_tgkill, 0 }, { SYS_rt_sigqueueinfo, 0 }, { SYS_rt_tgsigqueueinfo, 0 },
    { SYS_prlimit64, 0 }, { SYS_sched_setaffinity, 0 }, { SYS_sched_setscheduler, 0 }, { SYS_sched_setparam, 0 },
    { SYS_setpriority, 1 }, { SYS_ioprio_set, 1 },
#ifdef SYS_pidfd_open
    { SYS_pidfd_open, 0 },
#endif
  };
  enum { N = sizeof(aimed) / sizeof(aimed[0]), BLOCK = 9 };
  struct sock_filter f[2 + N * (1 + BLOCK) + 1];
  int k = 0;
  const uint32_t eperm = SECCOMP_RET_ERRNO | EPERM;
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  for (int j = 0; j < N; j++) {
    /* Not this syscall: skip its block. This syscall: every path of the block returns. */
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)aimed[j].nr, 0, BLOCK);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[aimed[j].arg]));
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)guard, 6, 0);
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 1u, 5, 0);
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xffffffffu, 4, 0);
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)-guard, 3, 0);
    /* A warm interpreter (zygote) that forks the tests is guarded like the supervisor; else guard2 == guard. */
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)guard2, 2, 0);
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)-guard2, 1, 0);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, eperm);
  }
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog prog = { (unsigned short)k, f };
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) _exit(126);
}
