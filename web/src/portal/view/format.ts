import dayjs from 'dayjs';

export const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
