// Trains the starter classifiers once at build time (ADR 0040), so that `kesu serve` finds them in
// the model cache instead of training for seconds (blocking) before it listens or when an admin
// switches to the other one.
// Usage: node scripts/train-starter-model.mjs [OUT_DIR]   (default dist, as in tsconfig.build.json)
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = process.argv[2] ?? 'dist';
const { STARTER_MODELS, starterModel } = await import(
  pathToFileURL(resolve(join(out, 'src/modules/classifier/index.js'))).href
);
for (const name of STARTER_MODELS) {
  const started = performance.now();
  starterModel(name);
  console.log(`starter classifier ${name} ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
