import { useEffect, useState } from 'react';
import { ROLES, type Role, type User } from '@logicode/contracts';
import { Pagination } from '../../../components/ui/pagination.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { formatDateTime } from '../../../lib/format.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { useChangeRole, useUsers } from '../api/users.js';
import { UserActions } from './user-actions.js';

function RoleSelect({ user, disabled }: { user: User; disabled: boolean }) {
  const change = useChangeRole();
  const { confirm, dialog } = useConfirm();
  // A role change applies at once on every device of that user (their sockets re-check it), so it is asked first.
  const onChange = async (role: Role) => {
    const ok = await confirm({
      title: `Make ${user.name} ${role === 'admin' ? 'an' : 'a'} ${role}?`,
      body: `${user.email} is ${user.role === 'admin' ? 'an' : 'a'} ${user.role} now. The change applies at once, on every device they are signed in on.`,
      confirmLabel: 'Change role',
      tone: role === 'admin' || user.role === 'admin' ? 'danger' : 'default',
    });
    if (ok) change.mutate({ id: user.id, role });
  };
  return (
    <>
      <select aria-label={`Role of ${user.name}`} value={user.role} disabled={disabled || change.isPending}
        onChange={(e) => void onChange(e.target.value as Role)} style={{ width: 'auto' }}>
        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      {change.error ? <div className="field-error">{change.error.message}</div> : null}
      {change.isSuccess ? <span className="muted small"> Saved.</span> : null}
      {dialog}
    </>
  );
}

export function UserAdmin({ currentUserId }: { currentUserId: number }) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => { setQ(input.trim()); setPage(1); }, 300);
    return () => clearTimeout(timer);
  }, [input]);
  const users = useUsers({ ...(q ? { q } : {}), ...(role ? { role } : {}), page });

  return (
    <>
      <div className="card filters">
        <div className="filters-row">
          <label className="filter grow">
            <span className="filter-label">Search</span>
            <input type="search" placeholder="Name or email" value={input} onChange={(e) => setInput(e.target.value)} />
          </label>
          <label className="filter">
            <span className="filter-label">Role</span>
            <select value={role} onChange={(e) => { setRole(e.target.value as Role | ''); setPage(1); }}>
              <option value="">Every role</option>
              {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
        </div>
      </div>
      {users.isPending ? <Spinner label="Loading users…" /> : null}
      {users.isError ? <ErrorState error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data?.items.length === 0 ? <EmptyState title="No user matches." /> : null}
      {users.data && users.data.items.length > 0 ? (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Joined</th><th scope="col">Role</th><th scope="col">Account</th></tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}{u.active === false ? <span className="muted small"> (deactivated)</span> : null}</td>
                  <td>{u.email}</td>
                  <td>{formatDateTime(u.createdAt)}</td>
                  <td><RoleSelect user={u} disabled={u.id === currentUserId} /></td>
                  <td><UserActions user={u} isSelf={u.id === currentUserId} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {users.data ? <Pagination page={page} pageSize={25} total={users.data.total} onPage={setPage} /> : null}
      <Notice>You cannot change your own role, so an admin can never lock themselves out.</Notice>
    </>
  );
}
