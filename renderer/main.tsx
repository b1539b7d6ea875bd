/** The renderer's entry point: mounts the app into #root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { CrashScreen } from './components/CrashScreen';
import './styles.css';
import './styles/writing.css';
import './styles/export.css';
import './styles/recovery.css';
import './styles/perf.css';
import './styles/find.css';
import './styles/find-bar.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <CrashScreen>
      <App />
    </CrashScreen>
  </StrictMode>,
);
