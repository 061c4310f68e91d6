import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** A failed page load (often a stale chunk after a deploy) gets a sentence and a way forward. */
export function RouteError() {
  const error = useRouteError();
  const text = isRouteErrorResponse(error)
    ? `The page answered ${error.status}.`
    : 'This page could not be loaded. If LogiCode was just updated, reloading fetches the new version.';
  return (
    <div className="page narrow">
      <div className="notice notice-error" role="alert">
        <strong>Something went wrong.</strong> {text}
      </div>
      <p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>Reload</button>{' '}
        <Link to="/">Go to the home page</Link>
      </p>
    </div>
  );
}
