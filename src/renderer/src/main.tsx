// Tokens and the global sheet first, so a feature's CSS Module wins over a primitive at equal specificity.
import './styles/tokens.css';
import './styles/global.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';
import { App } from './App';
import { queryClient } from './queries/queryClient';
import { applyTheme } from './stores/theme';

// The settings forms check input with the contract's zod schemas. Zod's fast path probes
// `new Function`, which our CSP forbids (no 'unsafe-eval'); the failure is caught, but zod advises
// jitless under strict CSPs so the probe (and any violation report) never happens.
zodConfig({ jitless: true });

// signed out: the computer's own light or dark setting (a person's theme applies once they sign in)
applyTheme('system');

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
