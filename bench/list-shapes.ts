/**
 * The list benchmark's shapes: every filter and sort of the workbench (工作台) and 我的待办, and a
 * few combinations, as list inputs over the generated dataset (`lib/list-dataset.ts`).
 */
import { OPEN_STATUSES } from '../src/domain/complaint-model.js';
import type { ListInput } from '../src/modules/complaints/schemas.js';
import type { Org } from './search.js';

const DAY = 86_400_000;

export interface Shape {
  name: string;
  input: ListInput;
  /** 我的待办 (`GET /complaints/mine`) instead of the workbench list. */
  mine?: boolean;
}

/** The filters, each read newest first (the API's default) and most urgent first (the workbench's). */
function filters(org: Org, now: number): Array<[string, ListInput]> {
  const [pudong] = org.stations;
  const delay = org.branches.find((b) => b.code === 'delay') ?? org.branches[0];
  const leaf = org.leaves.find((l) => l.branch === 'delay') ?? org.leaves[0];
  // Paths are /hq/region/branch/station/ by id: the station's region.
  const region = Number(pudong?.path.split('/')[2]);
  const iso = (t: number) => new Date(t).toISOString();
  return [
    ['status received', { status: 'received' }],
    ['status investigating,replied', { status: 'investigating,replied' }],
    ['status all open', { status: OPEN_STATUSES.join(',') }],
    ['status closed', { status: 'closed' }],
    ['category level 1', { categoryId: delay?.id }],
    ['category leaf', { categoryId: leaf?.id }],
    ['unit region', { unitId: region }],
    ['unit service centre', { unitId: org.service.id }],
    ['assignee', { assigneeId: pudong?.handlerId }],
    ['due within 4 h', { dueWithin: 240 }],
    ['overdue', { overdue: true }],
    ['channel wechat', { channel: 'wechat' }],
    ['channel app,web', { channel: 'app,web' }],
    ['priority P1', { priority: 'P1' }],
    ['priority P1,P2', { priority: 'P1,P2' }],
    ['grade major', { grade: 'major' }],
    ['received last 7 days', { receivedFrom: iso(now - 7 * DAY) }],
    [
      'received a month half a year ago',
      { receivedFrom: iso(now - 210 * DAY), receivedTo: iso(now - 180 * DAY) },
    ],
    ['repeat', { repeat: true }],
  ];
}

export function listShapes(org: Org, now: number): Shape[] {
  const open = OPEN_STATUSES.join(',');
  const delay = org.branches.find((b) => b.code === 'delay') ?? org.branches[0];
  const sorts: Shape[] = (
    ['-receivedAt', 'receivedAt', '-updatedAt', 'updatedAt', 'priority', 'dueAt'] as const
  ).map((sort) => ({ name: `sort ${sort}`, input: { sort } }));
  const filtered = filters(org, now).flatMap(([name, input]): Shape[] => [
    { name, input },
    { name: `${name}, by dueAt`, input: { ...input, sort: 'dueAt' } },
  ]);
  const combinations: Shape[] = [
    { name: 'open, category level 1', input: { status: open, categoryId: delay?.id } },
    { name: 'overdue P1,P2, by dueAt', input: { overdue: true, priority: 'P1,P2', sort: 'dueAt' } },
    { name: 'received at the service centre', input: { status: 'received', unitId: org.service.id } },
    {
      name: 'closed wechat last 30 days',
      input: { status: 'closed', channel: 'wechat', receivedFrom: new Date(now - 30 * DAY).toISOString() },
    },
    { name: 'closed, by -updatedAt', input: { status: 'closed', sort: '-updatedAt' } },
    { name: 'repeat open, by priority', input: { repeat: true, status: open, sort: 'priority' } },
    { name: 'mine', input: {}, mine: true },
  ];
  return [...sorts, ...filtered, ...combinations].map((s) => ({ ...s, input: { ...s.input, limit: 50 } }));
}
