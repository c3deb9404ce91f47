import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  tags?: Array<{ name: string; description?: string }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const REDOCLY = resolve(import.meta.dirname, '../../node_modules/.bin/redocly');

/** Every operation of the published document, named as `METHOD /path`. */
function operations(doc: Document): Array<{ name: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );
}

/** A success answer with its schema (a 204 has no body to describe). */
function hasSuccessSchema(op: Operation): boolean {
  return Object.entries(op.responses ?? {}).some(
    ([status, answer]) =>
      /^2\d\d$/.test(status) &&
      (status === '204' || Object.values(answer.content ?? {}).some((c) => c.schema !== undefined)),
  );
}

describe('the OpenAPI document as a whole (the contract every route is declared by)', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const res = await t.http.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = JSON.parse(res.body) as Document;
  });
  afterAll(() => t.close());

  /** The operations failing a rule, to be printed when the expectation fails. */
  const offenders = (rule: (op: Operation) => boolean) =>
    operations(doc)
      .filter(({ op }) => !rule(op))
      .map(({ name }) => name);
  const listed = (what: string, names: string[]) => `${names.length} ${what}:\n${names.join('\n')}`;

  it('gives every operation a success answer with its schema', () => {
    const missing = offenders(hasSuccessSchema);
    expect(missing, listed('operations without a 2xx response schema', missing)).toEqual([]);
  });

  it('gives every operation a unique operationId, a summary, a 4xx answer and declared tags', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    const checks = {
      'operations without an operationId': offenders((op) => !!op.operationId),
      'operations without a summary': offenders((op) => !!op.summary?.trim()),
      'operations without a 4xx answer': offenders((op) =>
        Object.keys(op.responses ?? {}).some((s) => /^4\d\d$/.test(s)),
      ),
      'operations with a tag not declared (with a description) at the top': offenders((op) =>
        (op.tags ?? []).every((tag) => doc.tags?.some((d) => d.name === tag && d.description)),
      ),
    };
    const ids = ops.map(({ op }) => op.operationId).filter((id): id is string => !!id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    const failing = Object.entries(checks).filter(([, names]) => names.length);
    expect(failing.map(([what, names]) => listed(what, names)).join('\n\n')).toBe('');
    expect(duplicates, 'duplicate operationIds').toEqual([]);
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const run = await promisify(execFile)(REDOCLY, ['lint', file, '--format=summary'], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout: string; stderr: string }) => error);
      const output = `${run.stdout}\n${run.stderr}`;
      const summary = output
        .split('\n')
        .find((l) => /Validation failed|Woohoo|valid\b/i.test(l) && !/validating/.test(l));
      const problems = output.split('\n').filter((l) => /^(error|warning)\s/.test(l.trim()));
      console.log(`redocly lint (recommended): ${summary?.trim() ?? 'no summary line'}`);
      expect(problems, `${summary}\n${problems.join('\n')}`).toEqual([]);
      expect(output).not.toMatch(/Validation failed|errors? and \d+ warnings?/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
