/** Route builders: components link through these, never through hand-written URL strings. */
export const paths = {
  landing: () => '/',
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  signup: () => '/signup',
  problems: () => '/problems',
  problem: (id: number | string) => `/problems/${id}`,
  leaderboard: () => '/leaderboard',
  profile: () => '/profile',
  adminUsers: () => '/admin/users',
  adminProblems: () => '/admin/problems',
  adminProblemNew: () => '/admin/problems/new',
  adminProblem: (id: number | string) => `/admin/problems/${id}`,
  teacher: (tab?: string) => (tab ? `/teacher?tab=${tab}` : '/teacher'),
  teacherStudent: (id: number | string) => `/teacher/students/${id}`,
  teacherAttempt: (id: number | string) => `/teacher/attempts/${id}`,
};
