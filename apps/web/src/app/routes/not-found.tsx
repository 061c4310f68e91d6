import { Link } from 'react-router';
import { paths } from '../../config/paths.js';

export default function NotFoundPage() {
  return (
    <div className="page narrow">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <Link className="btn btn-primary" to={paths.problems()}>Browse problems</Link>
    </div>
  );
}
