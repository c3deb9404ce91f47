import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../i18n';
import { ConsoleRoutes } from './routes';
import { SessionProvider } from './session';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <AntApp>
          <SessionProvider>
            <BrowserRouter>
              <ConsoleRoutes />
            </BrowserRouter>
          </SessionProvider>
        </AntApp>
      </I18nProvider>
    </StrictMode>,
  );
