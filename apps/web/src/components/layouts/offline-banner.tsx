import { useEffect, useState } from 'react';
import { onConnection, socketConnected } from '../../lib/session-events.js';

// A live connection that blips for a moment (a token refresh, a server restart) is not news; longer than this is.
const SOCKET_GRACE_MS = 4000;

/**
 * Says plainly when the page cannot reach LogiCode: the browser is offline, or the live connection of a page that
 * uses one has been down for a few seconds. Either way the student can keep working: drafts are saved on this
 * device and activity records wait in a queue until the connection is back.
 */
export function OfflineBanner() {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [socketDown, setSocketDown] = useState(false);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSocket = (connected: boolean) => {
      clearTimeout(timer);
      if (connected) setSocketDown(false);
      else timer = setTimeout(() => setSocketDown(true), SOCKET_GRACE_MS);
    };
    if (socketConnected() === false) onSocket(false);
    const off = onConnection(onSocket);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearTimeout(timer);
      off();
    };
  }, []);
  if (online && !socketDown) return null;
  return (
    <div className="offline-banner" role="status" data-testid="reconnecting">
      <strong>Reconnecting…</strong>{' '}
      {online
        ? 'The live connection to LogiCode dropped; results may take a moment longer.'
        : 'You are offline. Keep working: your code is saved on this device, and your activity will be sent when the connection is back.'}
    </div>
  );
}
