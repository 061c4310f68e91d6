import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, useLogout, useSessionWatch, useUser } from '../../lib/auth.js';
import { paths } from '../../config/paths.js';
import { OfflineBanner } from './offline-banner.js';
import { SessionEnded } from './session-ended.js';
import { ThemeToggle } from './theme-toggle.js';
import { usePageAnnounce } from './use-page-announce.js';
import { useTablistKeys } from './use-tablist-keys.js';

function Item({ to, end, children }: { to: string; end?: boolean; children: string }) {
  return (
    <NavLink to={to} end={end} className={({ isActive }) => `nav-link ${isActive ? 'active' : ''}`}>
      {children}
    </NavLink>
  );
}

/**
 * The frame of every page: a skip link, role-aware navigation, the theme switch, and the page in <main>. Below 760 px
 * the navigation folds behind a Menu button (a disclosure: aria-expanded, Escape closes and gives focus back, a
 * link or a tap outside closes it), so a phone never gets a sideways-scrolling bar.
 */
export function AppLayout() {
  const user = useUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const me = user.data ?? null;
  // A session that really ended: the header shows "Sign in" at once (useSessionWatch clears the user) and a dialog says why.
  const session = useSessionWatch();
  const [minimized, setMinimized] = useState(false);
  const ended = session.ended && !me ? session.ended : null;
  const mainRef = useRef<HTMLElement>(null);
  usePageAnnounce(mainRef);
  useTablistKeys();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const header = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!header.current?.contains(e.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen]);

  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate(paths.landing()) });
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar" ref={header}>
        <div className="topbar-inner">
          <NavLink to={me ? paths.problems() : paths.landing()} className="brand" aria-label="LogiCode home">
            <span className="brand-mark" aria-hidden="true">
              {'</>'}
            </span>
            LogiCode
          </NavLink>
          <button ref={menuButton} type="button" className="btn btn-small menu-button" aria-expanded={menuOpen}
            aria-controls="site-menu" onClick={() => setMenuOpen((open) => !open)} data-testid="menu-button">
            <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> Menu
          </button>
          <div id="site-menu" className={`nav-panel ${menuOpen ? 'open' : ''}`} data-menu>
          <nav className="nav" aria-label="Main">
            <Item to={paths.problems()}>Problems</Item>
            <Item to={paths.leaderboard()}>Leaderboard</Item>
            {me ? <Item to={paths.profile()}>Progress</Item> : null}
            {hasRole(me, ['student']) ? <Item to={paths.assessments()}>Assessments</Item> : null}
            {hasRole(me, ['teacher', 'admin']) ? <Item to={paths.teacher()} end>Teacher</Item> : null}
            {hasRole(me, ['teacher', 'admin']) ? <Item to={paths.teacherAssessments()}>Assessments</Item> : null}
            {hasRole(me, ['teacher', 'admin']) ? <Item to={paths.teacherClasses()}>Classes</Item> : null}
            {hasRole(me, ['admin']) ? <Item to={paths.adminProblems()}>Admin</Item> : null}
          </nav>
          <div className="nav-user">
            {user.isPending ? null : me ? (
              <>
                <span className="user-chip" title={me.email}>
                  {me.name} <span className="role-tag">{me.role}</span>
                </span>
                <button type="button" className="btn btn-ghost btn-small" onClick={signOut} disabled={logout.isPending}>
                  Sign out
                </button>
              </>
            ) : (
              <>
                <NavLink to={paths.login()} className="btn btn-ghost btn-small">
                  Sign in
                </NavLink>
                <NavLink to={paths.signup()} className="btn btn-primary btn-small">
                  Sign up
                </NavLink>
              </>
            )}
          </div>
          <ThemeToggle />
          </div>
        </div>
      </header>
      <OfflineBanner />
      {ended ? <SessionEnded cause={ended} minimized={minimized} onMinimize={() => setMinimized(true)} /> : null}
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
    </div>
  );
}
