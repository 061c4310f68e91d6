import { useEffect, useState } from 'react';
import { titleCase } from '../../../lib/format.js';
import { useProblemMeta, type ProblemFilters as Filters } from '../api/get-problems.js';

interface Props {
  filters: Filters;
  signedIn: boolean;
  onChange: (patch: Partial<Filters>) => void;
}

/** Search waits for a pause in typing; selects apply at once. Every filter lives in the URL. */
export function ProblemFilters({ filters, signedIn, onChange }: Props) {
  const meta = useProblemMeta();
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
      </div>
      {meta.data && meta.data.tags.length > 0 ? (
        <div className="tag-row" role="group" aria-label="Tags">
          {meta.data.tags.map((tag) => (
            <button key={tag} type="button" className={`tag ${selectedTags.includes(tag) ? 'tag-on' : ''}`}
              aria-pressed={selectedTags.includes(tag)} onClick={() => toggleTag(tag)}>
              {tag}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
