import { COMPLAINT_READS } from '../complaint/contract';

/** What filing or deciding an appeal changes on screen. */
export const APPEAL_READS = [
  ...COMPLAINT_READS,
  '/complaints/:number/appeals',
  '/appeals',
  '/appeals/:id',
  '/quality-checks/:id',
  '/quality-checks/mine',
] as const;
