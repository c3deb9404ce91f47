import type { AppContext } from '../../context.js';
import { rebuildStats } from './rebuild.js';

/** `kesu stats rebuild`: returns the line to print. */
export async function runRebuildCommand(app: AppContext): Promise<string> {
  const r = await rebuildStats(app);
  return `rebuilt statistics: ${r.complaints} complaints, ${r.facts} counted (merged ones are counted in their target) in ${r.seconds.toFixed(1)} s`;
}
