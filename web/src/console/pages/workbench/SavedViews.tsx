import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { type Filters, loadViews, type SavedView, storeViews, type Tab } from './model';

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
  const [form] = Form.useForm<{ name: string }>();
  const setNaming = (open: boolean) => {
    setNamingState(open);
    onNaming(open);
  };
  const store = (next: SavedView[]) => {
    setViews(next);
    storeViews(userId, next);
  };
  const save = ({ name }: { name: string }) => {
    const saved = { name: name.trim(), tab, filters };
    store([...views.filter((v) => v.name !== saved.name), saved]);
    onPick(saved);
    setNaming(false);
    form.resetFields();
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
      <Button onClick={() => setNaming(true)}>{t('workbench.views.save')}</Button>
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
      <Modal
        open={naming}
        title={t('workbench.views.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setNaming(false)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="name"
            label={t('workbench.views.name')}
            rules={[{ required: true, whitespace: true, message: t('workbench.views.nameRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
