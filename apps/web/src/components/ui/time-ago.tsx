import { timeAgo } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';

/** "3 min ago" that keeps moving (one shared ticking clock, lib/use-now.ts); the exact time on hover. */
export function TimeAgo({ iso }: { iso: string }) {
  const now = useNow(5000);
  return <time dateTime={iso} title={new Date(iso).toLocaleString()}>{timeAgo(iso, now)}</time>;
}
