import { Typography } from 'antd';

/** Placeholder until the page is built. */
export default function RegisterPage() {
  return <Typography.Title level={3}>RegisterPage</Typography.Title>;
}
