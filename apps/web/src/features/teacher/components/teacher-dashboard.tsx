import { useSearchParams } from 'react-router';
import { useLiveFeed } from '../hooks/use-live-feed.js';
import { EventsTab } from './events-tab.js';
import { FlagsTab } from './flags-list.js';
import { Overview } from './overview.js';
import { PlagiarismTab } from './plagiarism-tab.js';
import { SettingsTab } from './settings-tab.js';
import { StudentsTable } from './students-table.js';
import { SubmissionsTab } from './submissions-tab.js';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'students', label: 'Students' },
  { id: 'submissions', label: 'Submissions' },
  { id: 'events', label: 'Events' },
  { id: 'flags', label: 'Flags' },
  { id: 'plagiarism', label: 'Plagiarism' },
  { id: 'settings', label: 'Proctor settings' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** The teacher's dashboard. The live feed stays subscribed across tabs so nothing is missed while browsing. */
export function TeacherDashboard() {
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((t) => t.id === params.get('tab'))?.id ?? 'overview') as TabId;
  const feed = useLiveFeed();
  return (
    <>
      <div className="page-header">
        <h1>Teacher dashboard</h1>
        <span className="muted small">Updates by itself: new activity appears as it happens, no need to reload.</span>
      </div>
      <nav className="tabs subnav" role="tablist" aria-label="Dashboard">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`tab ${tab === t.id ? 'active' : ''}`}
            onClick={() => setParams(t.id === 'overview' ? {} : { tab: t.id })}>
            {t.label}
          </button>
        ))}
      </nav>
      <div role="tabpanel">
        {tab === 'overview' ? <Overview feed={feed.items} live={feed.connected && feed.joined} /> : null}
        {tab === 'students' ? <StudentsTable /> : null}
        {tab === 'submissions' ? <SubmissionsTab /> : null}
        {tab === 'events' ? <EventsTab /> : null}
        {tab === 'flags' ? <FlagsTab /> : null}
        {tab === 'plagiarism' ? <PlagiarismTab /> : null}
        {tab === 'settings' ? <SettingsTab canEditGlobal /> : null}
      </div>
    </>
  );
}
