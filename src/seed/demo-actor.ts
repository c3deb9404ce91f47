import type { ActorContext, AppContext } from '../context.js';
import { loadActor } from '../modules/org/index.js';

/** The demo's users by username, each as a context to run commands with. */
export const demoActor =
  (app: AppContext, userIds: Map<string, number>) =>
  async (username: string): Promise<ActorContext> => {
    const actor = await loadActor(app.db, userIds.get(username) ?? 0);
    if (!actor) throw new Error(`demo user ${username} missing`);
    return { ...app, actor };
  };
