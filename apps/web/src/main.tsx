import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider.js';
import { AppRouter } from './app/router.js';
import { registerServiceWorker } from './lib/service-worker.js';
import { initTheme } from './lib/theme.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/workspace.css';
import './styles/assessments.css';

// Before the first render, so the first paint has the chosen theme's colours.
initTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <AppRouter />
    </AppProvider>
  </StrictMode>,
);
registerServiceWorker();
