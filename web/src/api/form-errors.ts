import type { FormInstance } from 'antd';
import { ApiError } from './client';

/**
 * Put a problem+json answer's field messages on the form's fields (`/body/amount` → `amount`,
 * `/body/complainant/phone` → `['complainant','phone']`). Returns the messages that fit no field.
 */
export function showFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const names = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const rest: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const f of error.fields) {
    const name = f.path
      .replace(/^\/(body|querystring|params)/, '')
      .split('/')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = JSON.stringify(name);
    if (!names.has(key)) {
      rest.push(f.message);
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return error.fields.length ? rest : [error.title];
}
