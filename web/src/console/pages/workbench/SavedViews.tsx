import { Button, Select, Space } from 'antd';
import { Suspense, useState } from 'react';
import { useI18n } from '../../../i18n';
import { onDemand } from '../../components/on-demand';
import { type Filters, loadViews, type SavedView, storeViews, type Tab } from './model';

// The naming dialog (and Ant Design's Form) is not part of the first page.
const SaveViewDialog = onDemand(() => import('./SaveViewDialog'));

interface Props {
  userId: number;
  tab: Tab;
  filters: Filters;
  /** The view picked, or none once the tab or a filter changed. */
  view: string | undefined;
  onPick(view: SavedView | undefined): void;
  /** The naming dialog is open (the page's shortcuts stay out of its way). */
  onNaming(naming: boolean): void;
}

/** Saved views (tab and filters under a name), kept in this browser per user. */
export function SavedViews({ userId, tab, filters, view, onPick, onNaming }: Props) {
  const { t } = useI18n();
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [naming, setNamingState] = useState(false);
  // Mounted from the first opening on, so that closing animates.
  const [named, setNamed] = useState(false);
  const setNaming = (open: boolean) => {
    if (open) setNamed(true);
    setNamingState(open);
    onNaming(open);
  };
  const store = (next: SavedView[]) => {
    setViews(next);
    storeViews(userId, next);
  };
  const save = (name: string) => {
    const saved = { name, tab, filters };
    store([...views.filter((v) => v.name !== saved.name), saved]);
    onPick(saved);
    setNaming(false);
  };
  return (
    <Space wrap>
      <Select
        allowClear
        aria-label={t('workbench.views.placeholder')}
        placeholder={t('workbench.views.placeholder')}
        value={view}
        options={views.map((v) => ({ value: v.name, label: v.name }))}
        onChange={(name?: string) => onPick(views.find((v) => v.name === name))}
        style={{ width: 200 }}
        data-testid="saved-views"
      />
      <Button
        onPointerEnter={SaveViewDialog.prefetch}
        onFocus={SaveViewDialog.prefetch}
        onClick={() => setNaming(true)}
      >
        {t('workbench.views.save')}
      </Button>
      <Button
        danger
        disabled={!view}
        onClick={() => {
          store(views.filter((v) => v.name !== view));
          onPick(undefined);
        }}
      >
        {t('workbench.views.delete')}
      </Button>
      {named && (
        <Suspense fallback={null}>
          <SaveViewDialog.Component open={naming} onSave={save} onCancel={() => setNaming(false)} />
        </Suspense>
      )}
    </Space>
  );
}
