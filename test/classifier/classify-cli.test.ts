import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'kesu-classify-'));
const env = { ...process.env, KESU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'kesu.db')}` };
const ROOT = resolve(import.meta.dirname, '../..');
/** The command compiled as `npm run build` does it, inside node_modules so that it finds its packages. */
const BUILD = join(ROOT, 'node_modules', '.cache', 'kesu-classify-build');

async function kesu(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(BUILD, 'src', 'main.js'), ...args], { env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const lastLine = (out: string) => out.trim().split('\n').pop();
const RESULT = /^accuracy: \d\.\d{4} macro-f1: \d\.\d{4} n: \d+$/;

const rows = [
  ['快递三天没到，物流一直不动', '延误/中转'],
  ['包裹在中转站停了五天，物流不动', '延误/中转'],
  ['派送太慢了，快递还没送到', '延误/派送'],
  ['快递员一直不派送，物流显示到站三天', '延误/派送'],
  ['箱子破了，杯子碎了', '损毁'],
  ['外包装破损，杯子碎了', '损毁'],
  ['收到的花瓶碎了，箱子破了', '损毁'],
  ['纸箱压扁了，里面的杯子碎了', '损毁'],
];

describe('kesu classify (the compiled command)', () => {
  // Compiled, not run from the sources: the command must carry the files it reads (the express corpus).
  beforeAll(async () => {
    rmSync(BUILD, { recursive: true, force: true });
    await run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json', '--outDir', BUILD], {
      cwd: ROOT,
    });
    await run(process.execPath, ['scripts/copy-server-assets.mjs', BUILD], { cwd: ROOT });
  }, 120_000);

  it('has the starter models ready after the build step that trains them (npm run build)', async () => {
    const { stdout } = await run(process.execPath, ['scripts/train-starter-model.mjs', BUILD], { cwd: ROOT });
    expect(stdout).toMatch(
      /starter classifier express ready in [\d.]+ s\nstarter classifier retail ready in [\d.]+ s/,
    );
  }, 300_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(BUILD, { recursive: true, force: true });
  });

  it('trains a model from a file and evaluates it, labels naming ancestors included', async () => {
    expect((await kesu('migrate')).code).toBe(0);
    const train = join(dir, 'train.tsv');
    writeFileSync(train, `text\tlabel\n${rows.map((r) => r.join('\t')).join('\n')}\n`);
    const trained = await kesu('classify', 'train', '--from-file', train, '--model', 'toy');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(/trained toy: 8 rows, 3 labels .* s/);
    const test = join(dir, 'test.tsv');
    writeFileSync(test, 'text\tlabel\n物流不动，快递还没到\t延误\n杯子碎了，箱子破了\t损毁\n');
    const evaluated = await kesu('classify', 'eval', '--model', 'toy', test);
    expect(evaluated.code).toBe(0);
    expect(lastLine(evaluated.stdout)).toBe('accuracy: 1.0000 macro-f1: 1.0000 n: 2');
  });

  it('evaluates the shipped express model without training, by Chinese level-1 names', async () => {
    const test = join(dir, 'express.tsv');
    writeFileSync(
      test,
      'text\tlabel\n外包装破损，里面的杯子碎了\t损毁\n快递丢了，网点说找不到了\t丢失短少\n',
    );
    const evaluated = await kesu('classify', 'eval', '--model', 'express', test);
    expect(evaluated.code).toBe(0);
    expect(lastLine(evaluated.stdout)).toMatch(RESULT);
    expect(lastLine(evaluated.stdout)).toContain('n: 2');
    // The first run of the compiled code trains the starter model (ADR 0040): up to a minute on a busy machine.
  }, 240_000);

  it('says what is wrong on stderr with exit 1', async () => {
    const unknown = await kesu('classify', 'eval', '--model', 'nope', join(dir, 'express.tsv'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('classifier_model_not_found');
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'text\tlabel\n好的\t延误\n没有标签\n');
    const refused = await kesu('classify', 'train', '--from-file', bad, '--model', 'bad');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 3: no label');
    const reserved = await kesu(
      'classify',
      'train',
      '--from-file',
      join(dir, 'train.tsv'),
      '--model',
      'express',
    );
    expect(reserved.code).toBe(1);
  });
});
