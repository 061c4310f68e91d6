import { useState } from 'react';
import { Pagination } from '../../../components/ui/pagination.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useLeaderboard, type LeaderboardRow } from '../api/get-leaderboard.js';

const PAGE_SIZE = 25;

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? words[0]?.[1] ?? '')).toUpperCase();
}

function Podium({ top }: { top: LeaderboardRow[] }) {
  // Silver, gold, bronze from left to right, as on a real podium.
  const order = [top[1], top[0], top[2]].filter((r): r is LeaderboardRow => Boolean(r));
  return (
    <ol className="podium" aria-label="Top three">
      {order.map((row) => (
        <li key={row.userId} className={`podium-step podium-${row.rank}`}>
          <span className="avatar avatar-large" aria-hidden="true">{initials(row.name)}</span>
          <span className="podium-name">{row.name}</span>
          <span className="podium-score">{row.points} pts · {row.solvedCount} solved</span>
          <span className="podium-block" aria-label={`Rank ${row.rank}`}>#{row.rank}</span>
        </li>
      ))}
    </ol>
  );
}

export function Leaderboard() {
  const [page, setPage] = useState(1);
  const board = useLeaderboard(page, PAGE_SIZE);
  if (board.isPending) return <Spinner label="Loading the leaderboard…" />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const { items, me, total } = board.data;
  if (items.length === 0) return <EmptyState title="No rankings yet.">Solve a problem to appear here.</EmptyState>;
  return (
    <div className="leaderboard">
      {me ? (
        <div className="card me-card" data-testid="my-rank">
          Your rank <strong>#{me.rank}</strong> with {me.points} points and {me.solvedCount} solved problems.
        </div>
      ) : null}
      {page === 1 ? <Podium top={items.slice(0, 3)} /> : null}
      <div className="card table-card">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">Rank</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">Solved</th>
              <th scope="col" className="num">Points</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.userId} className={me?.userId === row.userId ? 'row-me' : ''} aria-current={me?.userId === row.userId ? 'true' : undefined}>
                <td className="num">#{row.rank}</td>
                <td>
                  <span className="avatar" aria-hidden="true">{initials(row.name)}</span> {row.name}
                  {me?.userId === row.userId ? <span className="badge">You</span> : null}
                </td>
                <td className="num">{row.solvedCount}</td>
                <td className="num">{row.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} onPage={setPage} />
    </div>
  );
}
