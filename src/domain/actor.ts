import { type Role, SEES_ALL_ROLES } from './roles.js';

/** The authenticated user a request or job acts for. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: number;
  unitPath: string;
  /**
   * Set when the actor is a complainant who proved ownership of this one complaint on the public
   * portal (tracking token or SMS code); such an actor sees and acts on nothing else.
   */
  customerOf?: number;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));
export const seesAll = (actor: Actor) => hasRole(actor, ...SEES_ALL_ROLES);

/** Is `path` the unit itself or below it? Paths look like `/1/4/9/`. */
export const inSubtree = (path: string, rootPath: string) => path.startsWith(rootPath);

/** Upper bound for a range scan over a subtree: every descendant path sorts in [path, subtreeEnd(path)). */
export const subtreeEnd = (path: string) => `${path.slice(0, -1)}0`;
