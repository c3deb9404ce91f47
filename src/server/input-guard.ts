import type { FastifyRequest } from 'fastify';
import { badRequest, type FieldProblem, type InputSource } from '../lib/errors.js';
import { isStorableNumber, isStorableText } from '../lib/storable.js';

const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The first value (or key) under `root` the database cannot hold: unstorable text, or a number beyond exact integers. */
function firstUnstorable(root: unknown): Omit<FieldProblem, 'source'> | null {
  // Iterative, so that a deeply nested body cannot exhaust the stack.
  const pending: Array<[unknown, string]> = [[root, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return { path, code: 'invalid_characters' };
    } else if (typeof value === 'number') {
      if (!isStorableNumber(value)) return { path, code: 'out_of_range' };
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) pending.push([item, `${path}/${i}`]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!isStorableText(key)) return { path: `${path}/${pointer(key)}`, code: 'invalid_characters' };
        pending.push([item, `${path}/${pointer(key)}`]);
      }
    }
  }
  return null;
}

/**
 * Refuses (400, with the field's path) input that passed its schema but that a database would choke
 * on: a NUL character or an unpaired surrogate in any string (PostgreSQL refuses both as UTF-8), a
 * number beyond ±2^53 (ids are bigint; JavaScript holds no larger integer exactly). Runs after
 * validation, so that query and path values are already converted from text.
 */
export async function guardInput(req: FastifyRequest): Promise<void> {
  const parts: Array<[InputSource, unknown]> = [
    ['params', req.params],
    ['querystring', req.query],
    ['body', req.body],
  ];
  for (const [source, value] of parts) {
    const problem = firstUnstorable(value);
    if (problem) throw badRequest('validation_failed', [{ ...problem, source }]);
  }
}
