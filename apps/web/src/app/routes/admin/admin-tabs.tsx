import { NavLink } from 'react-router';
import { paths } from '../../../config/paths.js';

export function AdminTabs() {
  return (
    <nav className="tabs subnav" aria-label="Admin">
      <NavLink to={paths.adminProblems()} end className={({ isActive }) => `tab ${isActive ? 'active' : ''}`}>Problems</NavLink>
      <NavLink to={paths.adminPackageImport()} className={({ isActive }) => `tab ${isActive ? 'active' : ''}`}>Import package</NavLink>
      <NavLink to={paths.adminUsers()} className={({ isActive }) => `tab ${isActive ? 'active' : ''}`}>Users</NavLink>
    </nav>
  );
}
