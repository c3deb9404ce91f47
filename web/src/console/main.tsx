import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { createQueryClient } from '../api/query-client';
import { I18nProvider } from '../i18n';
import { ConsoleRoutes } from './routes';
import { SessionProvider } from './session';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider>
          <AntApp>
            <SessionProvider>
              <BrowserRouter>
                <ConsoleRoutes />
              </BrowserRouter>
            </SessionProvider>
          </AntApp>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
