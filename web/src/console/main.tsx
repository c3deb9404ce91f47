import { App as AntApp, ConfigProvider } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { mount } from '../mount';
import { ConsoleRoutes, prefetchPage } from './routes';
import { SessionProvider } from './session';

/**
 * The console's accent is a calm blue: the brand red stays the logo's, so that a focused field or a
 * primary button never looks like an error (antd draws both in `colorPrimary`, errors in `colorError`).
 */
const CONSOLE_THEME = { token: { colorPrimary: '#1f5fa8', colorLink: '#1f5fa8', colorError: '#cf1322' } };

prefetchPage(window.location.pathname);

mount(
  <ConfigProvider theme={CONSOLE_THEME}>
    <AntApp>
      <SessionProvider>
        <BrowserRouter>
          <ConsoleRoutes />
        </BrowserRouter>
      </SessionProvider>
    </AntApp>
  </ConfigProvider>,
);
