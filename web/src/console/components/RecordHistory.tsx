import { Flex, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatTime } from '../pages/complaint/format';

/** The complaints a record (warning, corrective action) links to, each a link with its title and time. */
export function LinkedComplaints({
  items,
  testId,
}: {
  items: ReadonlyArray<{ number: string; title: string; receivedAt: string }>;
  testId: string;
}) {
  return (
    <Flex vertical gap={4} data-testid={testId}>
      {items.map((c) => (
        <Typography.Text key={c.number}>
          <Link to={`/complaints/${c.number}`}>{c.number}</Link> {c.title}{' '}
          <Typography.Text type="secondary">{formatTime(c.receivedAt)}</Typography.Text>
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** A record's own history as a timeline: what happened (its label), when, by whom, with the note. */
export function HistoryTimeline({
  events,
  label,
  system,
}: {
  events: ReadonlyArray<{
    seq: number;
    kind: string;
    at: string;
    actor?: { name: string | null } | null;
    comment?: string | null;
  }>;
  label: (kind: string) => string;
  /** Who acted when no person did. */
  system: string;
}) {
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.seq,
        content: (
          <Flex vertical>
            <Typography.Text strong>{label(e.kind)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(e.at)} · {e.actor?.name ?? system}
            </Typography.Text>
            {e.comment && <Typography.Text>{e.comment}</Typography.Text>}
          </Flex>
        ),
      }))}
    />
  );
}
