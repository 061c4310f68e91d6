import { randomBytes } from 'node:crypto';
import type { ProblemPackage, Role } from '@logicode/contracts';
import type { Actor } from '../context.js';
import type { AccountsService } from '../accounts/accounts-service.js';
import type { ProblemsService } from '../problems/problems-service.js';
import type { ClassesService } from '../assessments/classes-service.js';

export const DEMO_ACCOUNTS: { name: string; email: string; password: string; role: Role }[] = [
  { name: 'Ada Admin', email: 'admin@logicode.local', password: 'admin-demo-pass', role: 'admin' },
  { name: 'Tom Teacher', email: 'teacher@logicode.local', password: 'teacher-demo-pass', role: 'teacher' },
  { name: 'Alice Student', email: 'alice@logicode.local', password: 'student-demo-pass', role: 'student' },
  { name: 'Bob Student', email: 'bob@logicode.local', password: 'student-demo-pass', role: 'student' },
];

/**
 * Where an account's password came from: the demo's published one, generated here (shown once, the only way to
 * learn it), or the operator's ADMIN_PASSWORD (never echoed: they know it, and logs outlive terminals).
 */
export type PasswordSource = 'demo' | 'generated' | 'config';

export interface SeedReport {
  createdAccounts: { email: string; password: string; role: Role; passwordSource: PasswordSource }[];
  importedProblems: string[];
}

function adminPasswordOf(configured: string | null, demoPassword: string | null): { password: string; passwordSource: PasswordSource } {
  if (configured !== null) return { password: configured, passwordSource: 'config' };
  if (demoPassword !== null) return { password: demoPassword, passwordSource: 'demo' };
  return { password: randomBytes(12).toString('base64url'), passwordSource: 'generated' };
}

interface SeedServices {
  accounts: AccountsService;
  problems: ProblemsService;
  /** For the demo teacher's class (a teacher sees the students of their own classes: docs/access.md). */
  assessments?: { classes: Pick<ClassesService, 'create' | 'list' | 'invite'> };
}

/**
 * The demo teacher's class with the demo students in it, so the teacher's dashboard shows them on a fresh install
 * (TEACHER_SCOPE=classes). Only when the teacher has no class yet: running the seed again changes nothing.
 */
async function seedDemoClass(services: SeedServices): Promise<void> {
  const classes = services.assessments?.classes;
  const teacher = DEMO_ACCOUNTS.find((a) => a.role === 'teacher')!;
  const row = (await services.accounts.listUsers({ role: 'teacher', page: 1, pageSize: 100 })).items.find((u) => u.email === teacher.email);
  if (!classes || !row) return;
  const actor: Actor = { userId: row.id, role: 'teacher', name: row.name };
  if ((await classes.list(actor)).length > 0) return;
  const demo = await classes.create(actor, 'Demo class');
  await classes.invite(actor, demo.id, DEMO_ACCOUNTS.filter((a) => a.role === 'student').map((a) => a.email));
}

/**
 * First start on an empty database: an admin must exist. Its password comes from config; without one a random
 * password is generated and returned (the caller prints it once).
 */
export async function ensureAdmin(services: SeedServices, adminPassword: string | null): Promise<SeedReport['createdAccounts']> {
  if ((await services.accounts.countUsers()) > 0) return [];
  const { password, passwordSource } = adminPasswordOf(adminPassword, null);
  const admin = DEMO_ACCOUNTS[0]!;
  await services.accounts.createUser({ name: admin.name, email: admin.email, password, role: 'admin' });
  return [{ email: admin.email, password, role: 'admin', passwordSource }];
}

/**
 * Demo accounts and problems; safe to run again (existing accounts and slugs are left alone). `knownAdminPassword`
 * false (production): the demo admin gets ADMIN_PASSWORD or a generated one, never the README's.
 */
export async function seedDemo(
  services: SeedServices,
  options: { problems: ProblemPackage[]; adminPassword: string | null; knownAdminPassword?: boolean },
): Promise<SeedReport> {
  const report: SeedReport = { createdAccounts: [], importedProblems: [] };
  for (const account of DEMO_ACCOUNTS) {
    const { password, passwordSource } = account.role === 'admin'
      ? adminPasswordOf(options.adminPassword, options.knownAdminPassword === false ? null : account.password)
      : { password: account.password, passwordSource: 'demo' as const };
    try {
      await services.accounts.createUser({ name: account.name, email: account.email, password, role: account.role });
      report.createdAccounts.push({ email: account.email, password, role: account.role, passwordSource });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EMAIL_TAKEN') throw error;
    }
  }
  await seedDemoClass(services);
  const adminRow = await services.accounts.listUsers({ role: 'admin', page: 1, pageSize: 1 });
  const admin: Actor = { userId: adminRow.items[0]!.id, role: 'admin', name: adminRow.items[0]!.name };
  const existing = await services.problems.list(
    { sort: 'id', order: 'asc', page: 1, pageSize: 100 },
    admin,
  );
  const slugs = new Set(existing.items.map((p) => p.slug));
  for (const pkg of options.problems) {
    if (slugs.has(pkg.problem.slug)) continue;
    await services.problems.importPackage(pkg, admin, { trusted: true });
    report.importedProblems.push(pkg.problem.slug);
  }
  return report;
}
