import { Typography } from 'antd';

/** Placeholder until the page is built. */
export default function ApprovalsPage() {
  return <Typography.Title level={3}>ApprovalsPage</Typography.Title>;
}
