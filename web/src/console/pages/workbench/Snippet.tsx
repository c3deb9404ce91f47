import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Snippet as SnippetData } from './model';

/**
 * The excerpt of a text search with its hits in <mark>. React nodes built from the offsets: the text
 * is never parsed as HTML. Offsets out of range, overlapping or out of order are skipped.
 */
export function highlight({ text, marks }: SnippetData): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  // Each mark is [start, end); one of another length is skipped like any other bad one.
  for (const [start = -1, end = -1] of marks) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < at || end <= start || end > text.length)
      continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** Wide enough for two lines of context around a hit; the row still fits at 1366 px. */
export const SNIPPET_WIDTH = 260;

export function Snippet({ snippet }: { snippet: SnippetData }) {
  return (
    <Typography.Paragraph
      type="secondary"
      data-testid="snippet"
      style={{ margin: 0, fontSize: 12, whiteSpace: 'normal', maxWidth: SNIPPET_WIDTH }}
    >
      {highlight(snippet)}
    </Typography.Paragraph>
  );
}
