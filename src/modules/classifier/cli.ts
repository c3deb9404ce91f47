import type { AppContext } from '../../context.js';
import { DomainError } from '../../lib/errors.js';
import { summaryLine } from './evaluate.js';
import { evaluateFile, trainFromComplaints, trainFromFile } from './train.js';
import { TsvError } from './tsv.js';

/** Errors of the classify commands as one readable line (the CLI prints it to stderr, exit 1). */
async function readable<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TsvError) throw new Error(`${file}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw new Error(`${file}: cannot read the file`);
    if (error instanceof DomainError) {
      const params = Object.entries(error.params)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ');
      throw new Error(params ? `${error.code} (${params})` : error.code);
    }
    throw error;
  }
}

export interface TrainCommandOptions {
  fromFile?: string;
  fromComplaints?: boolean;
  model: string;
}

/** `kesu classify train`: returns the line to print. */
export async function runTrainCommand(app: AppContext, opts: TrainCommandOptions): Promise<string> {
  if (!!opts.fromFile === !!opts.fromComplaints)
    throw new Error('give exactly one of --from-file FILE.tsv and --from-complaints');
  const s = await readable(opts.fromFile, () =>
    opts.fromFile ? trainFromFile(app, opts.fromFile, opts.model) : trainFromComplaints(app, opts.model),
  );
  return `trained ${s.model}: ${s.rows} rows, ${s.labels} labels (heads: ${s.heads.join(', ')}) in ${s.seconds.toFixed(1)} s`;
}

/** `kesu classify eval`: the lines to print, the last one `accuracy: … macro-f1: … n: N`. */
export async function runEvalCommand(app: AppContext, model: string, file: string): Promise<string[]> {
  const e = await readable(file, () => evaluateFile(app, model, file));
  const perLabel = e.labels.map((label, k) => {
    const row = e.confusion[k] as number[];
    const support = row.reduce((a, b) => a + b, 0);
    return `  ${label}: ${row[k]}/${support}`;
  });
  return [`model ${model} on ${file}: correct/rows per gold label`, ...perLabel, summaryLine(e)];
}
