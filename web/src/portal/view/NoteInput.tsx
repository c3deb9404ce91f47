import { Input } from 'antd';
import type { CSSProperties } from 'react';

/** A text the customer writes (a comment, a reason, suggestions), named by its label, shown as its placeholder. */
export function NoteInput({
  label,
  value,
  onChange,
  minRows = 2,
  maxRows,
  maxLength = 2000,
  style,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  minRows?: number;
  maxRows?: number;
  maxLength?: number;
  style?: CSSProperties;
}) {
  return (
    <Input.TextArea
      aria-label={label}
      placeholder={label}
      value={value}
      maxLength={maxLength}
      autoSize={{ minRows, maxRows }}
      onChange={(e) => onChange(e.target.value)}
      style={style}
    />
  );
}
