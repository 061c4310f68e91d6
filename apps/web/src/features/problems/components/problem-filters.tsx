import { useEffect, useState } from 'react';
import { problemStyleSchema } from '@logicode/contracts';
import { titleCase } from '../../../lib/format.js';
import { useProblemMeta, type ProblemFilters as Filters } from '../api/get-problems.js';

interface Props {
  filters: Filters;
  signedIn: boolean;
  onChange: (patch: Partial<Filters>) => void;
  /** How many problems carry each tag (from /api/problems/stats); the most used are shown first. */
  tagCounts: Record<string, number> | undefined;
}

/** How many topics show before "More topics". */
const COMMON_TAGS = 10;
/** I/O styles (`function`, `stdio`) are how a problem is answered, not what it is about: never offered as topics. */
const STYLE_TAGS = new Set<string>(problemStyleSchema.options);

/** Topics by use (most used first, then A–Z); a selected topic always stays visible. */
function visibleTags(all: string[], counts: Record<string, number> | undefined, selected: string[], expanded: boolean): { shown: string[]; hidden: number } {
  const topics = all.filter((tag) => !STYLE_TAGS.has(tag));
  const byUse = [...topics].sort((a, b) => (counts?.[b] ?? 0) - (counts?.[a] ?? 0) || a.localeCompare(b));
  if (expanded) return { shown: [...topics].sort((a, b) => a.localeCompare(b)), hidden: 0 };
  const common = new Set(byUse.slice(0, COMMON_TAGS));
  const shown = topics.filter((tag) => common.has(tag) || selected.includes(tag)).sort((a, b) => a.localeCompare(b));
  return { shown, hidden: topics.length - shown.length };
}

/** Search waits for a pause in typing; selects apply at once. Every filter lives in the URL. */
export function ProblemFilters({ filters, signedIn, onChange, tagCounts }: Props) {
  const meta = useProblemMeta();
  const [allTags, setAllTags] = useState(false);
  // On a phone the topics sit behind a "Topics" disclosure (closed by default) so the list starts on screen one.
  const [topicsOpen, setTopicsOpen] = useState(false);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    if (q === (filters.q ?? '')) return;
    const timer = setTimeout(() => onChange({ q: q || undefined, page: 1 }), 300);
    return () => clearTimeout(timer);
  }, [q, filters.q, onChange]);

  const selectedTags = filters.tags ? filters.tags.split(',') : [];
  const toggleTag = (tag: string) => {
    const next = selectedTags.includes(tag) ? selectedTags.filter((t) => t !== tag) : [...selectedTags, tag];
    onChange({ tags: next.length ? next.join(',') : undefined, page: 1 });
  };

  const active = Boolean(filters.q || filters.category || filters.difficulty || filters.tags || filters.solved);
  const clear = () => {
    setQ('');
    onChange({ q: undefined, category: undefined, difficulty: undefined, tags: undefined, solved: undefined, page: 1 });
  };
  const tags = visibleTags(meta.data?.tags ?? [], tagCounts, selectedTags, allTags);

  return (
    <section className="filters card" aria-label="Filter problems">
      <div className="filters-row">
        <label className="filter grow">
          <span className="filter-label">Search</span>
          <input type="search" placeholder="Title or keyword" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search problems" />
        </label>
        <label className="filter">
          <span className="filter-label">Category</span>
          <select value={filters.category ?? ''} onChange={(e) => onChange({ category: e.target.value || undefined, page: 1 })}>
            <option value="">All categories</option>
            {(meta.data?.categories ?? []).map((c) => (
              <option key={c} value={c}>{titleCase(c)}</option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">Difficulty</span>
          <select value={filters.difficulty ?? ''} onChange={(e) => onChange({ difficulty: e.target.value || undefined, page: 1 })}>
            <option value="">Any difficulty</option>
            {(meta.data?.difficulties ?? ['easy', 'medium', 'hard']).map((d) => (
              <option key={d} value={d}>{titleCase(d)}</option>
            ))}
          </select>
        </label>
        {signedIn ? (
          <label className="filter">
            <span className="filter-label">Status</span>
            <select value={filters.solved ?? ''} onChange={(e) => onChange({ solved: (e.target.value || undefined) as Filters['solved'], page: 1 })}>
              <option value="">All problems</option>
              <option value="true">Solved</option>
              <option value="false">Not solved yet</option>
            </select>
          </label>
        ) : null}
        {active ? (
          <button type="button" className="btn btn-ghost btn-small clear-filters" onClick={clear} data-testid="clear-filters">
            Clear filters
          </button>
        ) : null}
      </div>
      {tags.shown.length > 0 ? (
        <>
          <button type="button" className="btn btn-small topics-toggle" aria-expanded={topicsOpen} aria-controls="topic-list"
            onClick={() => setTopicsOpen((open) => !open)}>
            Topics{selectedTags.length ? ` (${selectedTags.length} chosen)` : ''}
          </button>
          <div id="topic-list" className={`tag-row ${topicsOpen ? 'open' : ''}`} role="group" aria-label="Topics">
            {tags.shown.map((tag) => (
              <button key={tag} type="button" className={`tag ${selectedTags.includes(tag) ? 'tag-on' : ''}`}
                aria-pressed={selectedTags.includes(tag)} onClick={() => toggleTag(tag)}>
                {tag}
              </button>
            ))}
            {tags.hidden > 0 || allTags ? (
              <button type="button" className="link-button small more-topics" aria-expanded={allTags} onClick={() => setAllTags((all) => !all)}>
                {allTags ? 'Fewer topics' : `${tags.hidden} more topics`}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
