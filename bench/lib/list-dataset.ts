/**
 * The list benchmark's complaints: the search benchmark's generated rows (texts, categories, channels,
 * priorities, times) with the workflow columns made as a courier's year looks: most complaints closed,
 * the open ones recent (about 2 %) with deadlines around now (some overdue), most handled by the
 * customer service centre and a few by each station (so a station handler sees little), some repeats.
 */
import { OPEN_STATUSES } from '../../src/domain/complaint-model.js';
import { type GeneratedRow, type Org, random } from '../search.js';

const DAY = 86_400_000;
const OPEN = OPEN_STATUSES.filter((s) => s !== 'received');
const DONE = [
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'resolved',
  'invalid',
  'withdrawn',
];

/** The chance that a complaint received `age` ms ago is still open. */
const openShare = (age: number) =>
  age < 3 * DAY ? 0.85 : age < 14 * DAY ? 0.4 : age < 60 * DAY ? 0.03 : 0.002;

/** Rewrites the workflow columns of the generated rows in place (deterministic: seeded). */
export function listWorkflow(org: Org, now: number) {
  const next = random(20261203);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return (row: GeneratedRow, i: number): GeneratedRow => {
    const c = row.complaint;
    const registeredAt = Number(c.registered_at);
    const open = next() < openShare(now - registeredAt);
    const status = open ? (next() < 0.25 ? 'received' : pick(OPEN)) : pick(DONE);
    // One in twenty at each station, the rest at the service centre.
    const station = i % 20 < org.stations.length ? org.stations[i % 20] : undefined;
    const waiting = status === 'received';
    const unit = waiting || !station ? org.service : station;
    const finished = Math.min(now, registeredAt + (1 + Math.floor(next() * 5)) * DAY);
    c.status = status;
    c.unit_id = unit.id;
    c.unit_path = unit.path;
    c.assignee_id = waiting ? null : (station?.handlerId ?? org.agentId);
    c.due_at = open ? registeredAt + Math.floor((1 + next() * 2) * DAY) : null;
    c.resolved_at = open ? null : finished;
    c.closed_at = status === 'closed' ? finished : null;
    c.updated_at = open ? registeredAt + Math.floor(next() * Math.max(0, now - registeredAt)) : finished;
    c.repeat_complaint = next() < 0.08 ? 1 : 0;
    return row;
  };
}
