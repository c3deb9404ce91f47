import type { Db, Tx } from '../../db/database.js';
import { inSubtree } from '../../domain/actor.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';
import { categoryById } from '../categories/index.js';
import { unitById } from '../org/index.js';

/** Checks that ids in a request name real, active things; collects every problem before failing. */
export class ReferenceCheck {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly tx: Db | Tx) {}

  async category(id: number | undefined, path: string) {
    if (id === undefined) return undefined;
    const c = await categoryById(this.tx, id);
    if (!c?.active) this.problems.push({ path, code: 'unknown_category' });
    return c;
  }

  async unit(id: number | undefined, path: string) {
    if (id === undefined) return undefined;
    const u = await unitById(this.tx, id);
    if (!u?.active) {
      this.problems.push({ path, code: 'unknown_unit' });
      return undefined;
    }
    return u;
  }

  /** The assignee must be an active user working in the unit or below it. */
  async assignee(id: number | undefined, unitPath: string | undefined, path: string) {
    if (id === undefined) return undefined;
    const u = await this.tx
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.id', 'users.active', 'units.path'])
      .where('users.id', '=', id)
      .executeTakeFirst();
    if (!u?.active) this.problems.push({ path, code: 'unknown_user' });
    else if (unitPath && !inSubtree(u.path, unitPath))
      this.problems.push({ path, code: 'assignee_not_in_unit' });
    return u;
  }

  /** A person a complaint names (responsible, complained about): an active user, in the unit's subtree when one is given. */
  async person(id: number | null | undefined, unitPath: string | undefined, path: string) {
    if (id === undefined || id === null) return undefined;
    const u = await this.tx
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.id', 'users.active', 'users.display_name as name', 'units.path'])
      .where('users.id', '=', id)
      .executeTakeFirst();
    if (!u?.active) this.problems.push({ path, code: 'unknown_user' });
    else if (unitPath && !inSubtree(u.path, unitPath))
      this.problems.push({ path, code: 'responsible_not_in_unit' });
    return u;
  }

  /** An active external party (外部责任方). */
  async party(id: number | null | undefined, path: string) {
    if (id === undefined || id === null) return undefined;
    const p = await this.tx
      .selectFrom('external_parties')
      .select(['id', 'active', 'code', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!p?.active) this.problems.push({ path, code: 'unknown_party' });
    return p;
  }

  add(problem: FieldProblem) {
    this.problems.push(problem);
  }

  done(): void {
    if (this.problems.length) throw badRequest('validation_failed', this.problems);
  }
}
