import dayjs from 'dayjs';

export const formatTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`;
