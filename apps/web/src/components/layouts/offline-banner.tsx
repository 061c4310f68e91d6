import { useEffect, useState } from 'react';

/** Says plainly when the browser is offline (the service worker still serves the app shell). */
export function OfflineBanner() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  if (online) return null;
  return (
    <div className="offline-banner" role="status">
      You are offline. The page still works from the cache; anything you send will wait until you are back online.
    </div>
  );
}
