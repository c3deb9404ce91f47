import { Typography } from 'antd';

/** Placeholder until the page is built. */
export default function WorkbenchPage() {
  return <Typography.Title level={3}>WorkbenchPage</Typography.Title>;
}
