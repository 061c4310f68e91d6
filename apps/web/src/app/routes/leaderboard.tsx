import { Leaderboard } from '../../features/leaderboard/components/leaderboard.js';

export default function LeaderboardPage() {
  return (
    <div className="page">
      <header className="page-header">
        <h1>Leaderboard</h1>
        <p className="muted">Points weigh each solved problem by difficulty; ties go to whoever got there first.</p>
      </header>
      <Leaderboard />
    </div>
  );
}
