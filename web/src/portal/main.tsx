import { App as AntApp, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { mount } from '../mount';
import './portal.css';
import { SubmitPage } from './SubmitPage';
import { navigate } from './storage';
import { TrackPage } from './TrackPage';

/** The path, kept in step with the history (pushState from `navigate`, back and forward). */
function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

function Portal() {
  const { t, locale, setLocale } = useI18n();
  const path = usePath();
  const tracked = /^\/track\/([^/]+)/.exec(path);
  const number = tracked?.[1] ? decodeURIComponent(tracked[1]) : null;
  useEffect(() => {
    document.title = t('portal.title');
  }, [t]);
  return (
    <div className="portal">
      <header className="portal-header">
        <a
          className="portal-brand"
          href="/portal"
          onClick={(e) => {
            e.preventDefault();
            navigate('/portal');
          }}
        >
          {t('portal.title')}
        </a>
        <Button
          type="text"
          size="small"
          data-testid="language"
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t('portal.language')}
        </Button>
      </header>
      <main className="portal-main">
        {number ? <TrackPage key={number} number={number} /> : <SubmitPage />}
      </main>
    </div>
  );
}

mount(
  <AntApp>
    <Portal />
  </AntApp>,
);
