// Trains the starter classifier once at build time (ADR 0040), so that the first `kesu serve` finds it
// in the model cache instead of training for seconds before it listens.
// Usage: node scripts/train-starter-model.mjs [OUT_DIR]   (default dist, as in tsconfig.build.json)
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = process.argv[2] ?? 'dist';
const started = performance.now();
const { expressModel } = await import(
  pathToFileURL(resolve(join(out, 'src/modules/classifier/index.js'))).href
);
expressModel();
console.log(`starter classifier ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
