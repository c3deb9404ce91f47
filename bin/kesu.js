#!/usr/bin/env node
// The `kesu` command; the TypeScript is compiled to dist/ by `npm install` (prepare) and `npm start`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'main.js');
if (!existsSync(main)) {
  console.error('kesu: not built yet; run `npm run build` (npm install does it too)');
  process.exit(1);
}
await import(main);
