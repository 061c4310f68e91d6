import { VERDICT_LABELS, type Verdict } from '@logicode/contracts';

export function VerdictBadge({ verdict, short = false }: { verdict: Verdict | null; short?: boolean }) {
  if (!verdict) return <span className="badge badge-pending">Pending</span>;
  return (
    <span className={`badge verdict verdict-${verdict.toLowerCase()}`} title={VERDICT_LABELS[verdict]}>
      {short ? verdict : VERDICT_LABELS[verdict]}
    </span>
  );
}

export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  return <span className={`badge difficulty difficulty-${difficulty}`}>{difficulty}</span>;
}
