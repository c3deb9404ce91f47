/** 王** — the family name (the first character), the rest hidden; the console's lists show names so too. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length ? `${chars[0]}${'*'.repeat(Math.min(Math.max(chars.length - 1, 1), 2))}` : '*';
}
