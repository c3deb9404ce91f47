import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { createQueryClient } from '../api/query-client';
import { I18nProvider } from '../i18n';
import { ConsoleRoutes } from './routes';
import { SessionProvider } from './session';

/**
 * The console's accent is a calm blue: the brand red stays the logo's, so that a focused field or a
 * primary button never looks like an error (antd draws both in `colorPrimary`, errors in `colorError`).
 */
const CONSOLE_THEME = { token: { colorPrimary: '#1f5fa8', colorLink: '#1f5fa8', colorError: '#cf1322' } };

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider>
          <ConfigProvider theme={CONSOLE_THEME}>
            <AntApp>
              <SessionProvider>
                <BrowserRouter>
                  <ConsoleRoutes />
                </BrowserRouter>
              </SessionProvider>
            </AntApp>
          </ConfigProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
