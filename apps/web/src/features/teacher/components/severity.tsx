export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge severity-${severity}`}>{severity}</span>;
}

export function IntegrityBadge({ score }: { score: number | null | undefined }) {
  if (score === null || score === undefined) return <span className="muted">–</span>;
  const kind = score >= 85 ? 'verdict-ac' : score >= 60 ? 'verdict-tle' : 'verdict-wa';
  return <span className={`badge ${kind}`} title="Integrity score: 100 means nothing was noticed">{score}</span>;
}
