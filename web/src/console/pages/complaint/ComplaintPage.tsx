import { Typography } from 'antd';

/** Placeholder until the page is built. */
export default function ComplaintPage() {
  return <Typography.Title level={3}>ComplaintPage</Typography.Title>;
}
