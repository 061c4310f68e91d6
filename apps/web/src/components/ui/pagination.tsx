export function Pagination(props: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <button type="button" className="btn btn-small" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        ← Previous
      </button>
      <span aria-live="polite">
        Page {props.page} of {pages}
      </span>
      <button type="button" className="btn btn-small" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        Next →
      </button>
    </nav>
  );
}
