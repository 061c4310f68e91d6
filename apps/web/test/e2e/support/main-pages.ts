// The main pages of each role, in one place: the accessibility pass (shell.test.ts runs axe-core over each, on
// desktop and at 390x844, light and dark) and the screenshot script read this list. A new page belongs here.
import type { Page } from 'playwright-core';
import { ADMIN, TEACHER } from './api.js';

export type Role = 'visitor' | 'student' | 'teacher' | 'admin';

export interface MainPage {
  name: string;
  /** A path, or one built from ids looked up on the running platform (ids differ per database). */
  path: string | ((ids: PageIds) => string);
  /** Waits until the page shows its real content (not a spinner), so the check sees what a person sees. */
  ready: (page: Page) => Promise<unknown>;
}

export interface PageIds {
  twoSumId: number;
  aliceId: number;
}

export const ACCOUNTS: Record<Exclude<Role, 'visitor'>, { email: string; password: string }> = {
  student: { email: 'alice@logicode.local', password: 'student-demo-pass' },
  teacher: TEACHER,
  admin: ADMIN,
};

const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name }).waitFor();

export const MAIN_PAGES: Record<Role, MainPage[]> = {
  visitor: [
    { name: 'landing', path: '/', ready: heading(/Practise coding problems/) },
    { name: 'sign-in', path: '/login', ready: heading('Sign in') },
    { name: 'sign-up', path: '/signup', ready: heading('Create your account') },
  ],
  student: [
    { name: 'problems', path: '/problems', ready: (page) => page.getByRole('link', { name: 'Two Sum' }).waitFor() },
    { name: 'problem', path: ({ twoSumId }) => `/problems/${twoSumId}`, ready: (page) => page.locator('.editor-area .monaco-editor').waitFor() },
    { name: 'leaderboard', path: '/leaderboard', ready: heading('Leaderboard') },
    { name: 'progress', path: '/profile', ready: heading(/Alice/) },
    { name: 'assessments', path: '/assessments', ready: heading('Assessments') },
  ],
  teacher: [
    { name: 'teacher-dashboard', path: '/teacher', ready: heading('Teacher dashboard') },
    { name: 'classes', path: '/teacher/classes', ready: heading('Classes') },
    { name: 'teacher-assessments', path: '/teacher/assessments', ready: heading('Assessments') },
    { name: 'assessment-new', path: '/teacher/assessments/new', ready: heading('New assessment') },
  ],
  admin: [
    { name: 'admin-problems', path: '/admin/problems', ready: (page) => page.getByRole('link', { name: 'Two Sum' }).first().waitFor() },
    { name: 'admin-problem-edit', path: ({ twoSumId }) => `/admin/problems/${twoSumId}`, ready: heading(/Edit: Two Sum/) },
    // A teacher sees only their own classes' students (none seeded), so the student page is checked as an admin.
    { name: 'student-detail', path: ({ aliceId }) => `/teacher/students/${aliceId}`, ready: heading(/Alice/) },
    { name: 'admin-users', path: '/admin/users', ready: (page) => page.getByRole('combobox', { name: /Role of/ }).first().waitFor() },
  ],
};
