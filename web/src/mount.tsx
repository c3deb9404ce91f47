import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client';
import { I18nProvider } from './i18n';

/** Render an app (console or portal) into #root with what both share: the data cache and the language. */
export function mount(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider>{app}</I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
