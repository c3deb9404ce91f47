import { Typography } from 'antd';

/** Placeholder until the page is built. */
export default function AdminPage() {
  return <Typography.Title level={3}>AdminPage</Typography.Title>;
}
