import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, Spinner } from '../../../components/ui/status.js';
import { useAssessment, useAssessmentLive } from '../api/assessments-api.js';
import { useAssessmentFeed } from '../hooks/use-assessment-feed.js';
import { AssessmentHeader } from './assessment-header.js';
import { AssessmentPlagiarism } from './assessment-plagiarism.js';
import { ExtraTime } from './extra-time.js';
import { LiveView } from './live-view.js';
import { ScoreboardView } from './scoreboard.js';

const TABS = [
  { id: 'live', label: 'Live' },
  { id: 'scoreboard', label: 'Scoreboard' },
  { id: 'plagiarism', label: 'Plagiarism' },
  { id: 'extra-time', label: 'Extra time' },
] as const;
type TabId = (typeof TABS)[number]['id'];

// Pushed updates (start, open, submission, flag, end) make the live view current; the timer is the fallback
// when the room cannot be joined, and a slow safety net when it can (an update lost in a reconnect).
const REFETCH_LIVE_MS = 30_000;
const REFETCH_FALLBACK_MS = 4_000;

interface Props {
  assessmentId: number;
  renderPair: (pairId: number) => ReactNode;
  renderRunCheck: (problemId: number, title: string) => ReactNode;
}

/** The teacher's page of one assessment: header and actions, then live view, scoreboard, plagiarism, extra time. */
export function AssessmentPage({ assessmentId, renderPair, renderRunCheck }: Props) {
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((t) => t.id === params.get('tab'))?.id ?? 'live') as TabId;
  const assessment = useAssessment(assessmentId);
  const feed = useAssessmentFeed(assessmentId);
  const live = useAssessmentLive(assessmentId, { refetchIntervalMs: feed.live ? REFETCH_LIVE_MS : REFETCH_FALLBACK_MS });
  if (assessment.isPending) return <Spinner label="Loading the assessment…" />;
  if (assessment.isError) return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;
  const a = assessment.data;
  return (
    <>
      <AssessmentHeader assessment={a} />
      <nav className="tabs subnav" role="tablist" aria-label="Assessment">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`tab ${tab === t.id ? 'active' : ''}`}
            onClick={() => setParams(t.id === 'live' ? {} : { tab: t.id })}>
            {t.label}
          </button>
        ))}
      </nav>
      <div role="tabpanel">
        {tab === 'live' || tab === 'extra-time' ? (
          live.isPending ? <Spinner label="Loading the live view…" /> : live.isError ? <ErrorState error={live.error} onRetry={() => void live.refetch()} /> : (
            tab === 'live'
              ? <LiveView data={live.data} receivedAtMs={live.dataUpdatedAt} live={feed.live} activity={feed.activity} />
              : <ExtraTime assessment={a} students={live.data.students} />
          )
        ) : null}
        {tab === 'scoreboard' ? <ScoreboardView assessmentId={a.id} /> : null}
        {tab === 'plagiarism' ? <AssessmentPlagiarism assessment={a} renderPair={renderPair} renderRunCheck={renderRunCheck} /> : null}
      </div>
    </>
  );
}
