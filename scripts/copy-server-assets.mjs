// Files the server reads at run time that tsc does not emit: copied beside the compiled code.
// Usage: node scripts/copy-server-assets.mjs [OUT_DIR]   (default dist, as in tsconfig.build.json)
import { cpSync } from 'node:fs';
import { join } from 'node:path';

const ASSETS = ['src/modules/classifier/corpus', 'src/modules/reports/fonts'];

const out = process.argv[2] ?? 'dist';
for (const asset of ASSETS) cpSync(asset, join(out, asset), { recursive: true });
