import { createHash } from 'node:crypto';
import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import { insertId } from '../../db/batches.js';
import type { Db, Tx } from '../../db/database.js';
import type { NewComplaint } from '../../db/schema.js';
import { WriteBatch } from '../../db/write-batch.js';
import { inSubtree } from '../../domain/actor.js';
import {
  type Grade,
  higherPriority,
  type Priority,
  REFERRAL_CHANNELS,
  REFERRAL_MAJOR_REASONS,
  type Status,
} from '../../domain/complaint-model.js';
import { badRequest, conflict, forbidden } from '../../lib/errors.js';
import { dateKey } from '../../lib/time.js';
import { hasVisibleText } from '../../lib/visible-text.js';
import { appendEvent, startStream } from '../audit/index.js';
import {
  classificationEventData,
  classifyRegistration,
  type RegistrationClassification,
  storeClassification,
} from '../classifier/index.js';
import { linkCustomer } from '../customers/index.js';
import { type DispatchDecision, decideDispatch, pickAssignee } from '../dispatch/index.js';
import { queueComplaintNotices } from '../notify/index.js';
import { assertRequiredStepsDone, attachPlaybooks } from '../playbooks/index.js';
import { blindIndexOrNull, piiKeys, sealOrNull } from '../privacy/index.js';
import { indexComplaint, indexNewComplaint } from '../search/index.js';
import { readSetting } from '../settings/index.js';
import { planFirstClocks, updateComplaintClocks } from '../sla/index.js';
import { type AuthorityLimits, DEFAULT_AUTHORITY_LIMITS, mayDecide } from './authority.js';
import { COMPLAINT_STREAM } from './complaint-command.js';
import { type EarlierComplaint, findEarlierComplaints, recordRepeats } from './duplicates.js';
import { nextNumber, nextNumberAndId } from './numbering.js';
import { requirePermission } from './permissions.js';
import { insertRemedy, insertReply } from './records.js';
import { ReferenceCheck } from './references.js';
import type { RegisteredResponse, RegisterInput } from './schemas.js';

/** How far ahead of the server clock a "received at" may be (clock skew of the sender). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** What registration answers: enough to track the complaint; its whole record is at its own URL. */
export type Registered = Static<typeof RegisteredResponse>;

const requestHash = (input: RegisterInput) =>
  createHash('sha256').update(JSON.stringify(input)).digest('hex');

const registered = (
  c: Pick<NewComplaint, 'number' | 'status' | 'priority' | 'grade' | 'received_at' | 'registered_at'>,
  replayed: boolean,
): Registered => ({
  number: c.number,
  // The row was built from these vocabularies; the database stores them as text.
  status: c.status as Status,
  priority: c.priority as Priority,
  grade: c.grade as Grade,
  receivedAt: new Date(c.received_at).toISOString(),
  registeredAt: new Date(c.registered_at).toISOString(),
  replayed,
});

async function findReplay(
  db: Db | Tx,
  actorId: number,
  key: string,
  hash: string,
): Promise<Registered | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .innerJoin('complaints', 'complaints.id', 'idempotency_keys.complaint_id')
    .select([
      'idempotency_keys.request_hash',
      'complaints.number',
      'complaints.status',
      'complaints.priority',
      'complaints.grade',
      'complaints.received_at',
      'complaints.registered_at',
    ])
    .where('idempotency_keys.actor_id', '=', actorId)
    .where('idempotency_keys.key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) throw conflict('idempotency_key_reused');
  return registered(row, true);
}

/**
 * 投诉登记: register a complaint, or register and resolve it on first contact.
 *
 * Checks run first and write nothing; then, on PostgreSQL, the number and the id are taken in their
 * own short statement (so concurrent registrations do not queue on the day's counter for a whole
 * transaction; a registration that fails after that leaves a gap in the day's numbers); then one transaction
 * writes the complaint, its history and, on first contact, the remedy and the reply.
 */
export interface RegisterOptions {
  idempotencyKey?: string;
  /** sha256 of the tracking token the portal hands to the customer. */
  trackingTokenHash?: string;
  /**
   * The input's category is a channel's default (`any`: the mailbox's) or the customer's coarse choice
   * (`branch`: the portal's): a confident prediction replaces it (inside that branch).
   */
  categoryGivesWay?: 'any' | 'branch';
  /** More writes that must commit with the complaint (evidence rows, a mail receipt). */
  within?: (tx: Tx, complaint: { id: number; number: string }) => Promise<void>;
}

export async function registerComplaint(
  ctx: ActorContext,
  input: RegisterInput,
  options: RegisterOptions = {},
): Promise<Registered> {
  requirePermission(ctx.actor, input.firstContact ? 'first_contact' : 'register');
  const key = options.idempotencyKey;
  // Only a request with an idempotency key is compared with an earlier one.
  const hash = key ? requestHash(input) : '';
  if (key) {
    const replay = await findReplay(ctx.db, ctx.actor.userId, key, hash);
    if (replay) return replay;
  }
  const { fields, dispatch, classified } = await checkedFields(ctx, input, options.categoryGivesWay);
  const day = dateKey(fields.registered_at, ctx.config.timeZone);
  // On SQLite the one connection is the lock and a statement outside the transaction would end the
  // group commit (ADR 0014): the number is taken inside it, and the id given by the insert.
  let id: number | undefined;
  if (ctx.dialect === 'postgres') ({ number: fields.number, id } = await nextNumberAndId(ctx.db, day));
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      if (!fields.number) fields.number = await nextNumber(tx, day);
      if (dispatch && fields.assignee_id === null) fields.assignee_id = await pickAssignee(tx, dispatch);
      if (options.trackingTokenHash) fields.tracking_token_hash = options.trackingTokenHash;
      const inserted = await insertComplaint(tx, ctx, input, { fields, dispatch, classified, id });
      await options.within?.(tx, { id: inserted.id, number: fields.number });
      if (key) {
        await tx
          .insertInto('idempotency_keys')
          .values({
            actor_id: ctx.actor.userId,
            key,
            request_hash: hash,
            complaint_id: inserted.id,
            created_at: fields.registered_at,
          })
          .execute();
      }
      return {
        ...registered(fields, false),
        ...repeatView(inserted.earlier),
        ...(classified ? { classification: classified.view } : {}),
      };
    });
  } catch (error) {
    // Two requests with one key raced: the loser's insert hit the key; answer with the winner's complaint.
    if (key) {
      const replay = await findReplay(ctx.db, ctx.actor.userId, key, hash).catch(() => null);
      if (replay) return replay;
    }
    // Two registrations with one external reference raced: the unique index stopped the loser.
    if (input.externalRef) await refuseKnownExternalRef(ctx.db, input.externalRef);
    throw error;
  }
}

async function refuseKnownExternalRef(db: Db | Tx, externalRef: string): Promise<void> {
  const earlier = await db
    .selectFrom('complaints')
    .select('number')
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  if (earlier) throw conflict('external_ref_exists', { externalRef, number: earlier.number }, '/externalRef');
}

/** Validate everything that needs the database and build the row; nothing is written. */
async function checkedFields(
  ctx: ActorContext,
  input: RegisterInput,
  categoryGivesWay: RegisterOptions['categoryGivesWay'],
): Promise<{
  fields: NewComplaint;
  dispatch: DispatchDecision | null;
  classified: RegistrationClassification | null;
}> {
  const now = ctx.clock.now();
  const keys = piiKeys(ctx.config.secret);
  const check = new ReferenceCheck(ctx.db);
  if (!input.complainant.phone && !input.complainant.email) {
    check.add({ path: '/complainant/phone', code: 'contact_required' });
  }
  if (!hasVisibleText(input.title)) check.add({ path: '/title', code: 'blank' });
  const receivedAt = input.receivedAt ? Date.parse(input.receivedAt) : now;
  if (input.externalRef) await refuseKnownExternalRef(ctx.db, input.externalRef);
  const referralDue = input.referral?.dueAt ? Date.parse(input.referral.dueAt) : null;
  if (REFERRAL_CHANNELS.includes(input.channel) && !input.referral)
    check.add({ path: '/referral', code: 'referral_required' });
  if (receivedAt > now + FUTURE_TOLERANCE_MS) check.add({ path: '/receivedAt', code: 'in_future' });
  // What the caller left out, the classifier fills in when it is sure (category_required otherwise).
  const classified = await classifyRegistration(ctx, input, check, categoryGivesWay);
  const categoryId = classified?.categoryId ?? input.categoryId;
  const category = await check.category(categoryId, '/categoryId');
  const filedAt = await check.unit(input.unitId ?? ctx.actor.unitId, '/unitId');
  const referredBy = REFERRAL_MAJOR_REASONS[input.channel];
  const majorReasons = [...new Set([...(input.majorReasons ?? []), ...(referredBy ? [referredBy] : [])])];
  const major = majorReasons.length > 0 || classified?.major === true;
  const requested: Priority = input.priority ?? classified?.priority ?? 'P3';
  // A major complaint and a regulator's referral are at least high priority.
  const priority = major || input.referral ? higherPriority(requested, 'P2') : requested;
  // Without a unit chosen by the agent, the admin's dispatch rules pick the responsible unit; a complaint
  // resolved on first contact stays with the one who resolved it (首问负责), in the unit it was filed at.
  const dispatch =
    input.unitId === undefined && !input.firstContact && category && filedAt
      ? await decideDispatch(ctx.db, {
          categoryPath: pathIds(category.path),
          unitPath: filedAt.path,
          region: input.region ?? null,
          channel: input.channel,
          priority,
          text: `${input.title}\n${input.content}`,
        })
      : null;
  const unit = dispatch?.unit ?? filedAt;
  await check.assignee(input.assigneeId, unit?.path, '/assigneeId');
  await check.person(input.staffComplainedUserId, undefined, '/staffComplainedUserId');
  await check.party(input.staffComplainedPartyId, '/staffComplainedPartyId');
  check.done();
  if (!unit) throw badRequest('validation_failed', [{ path: '/unitId', code: 'unknown_unit' }]);

  const remedy = input.firstContact?.remedy;
  if (remedy) {
    const limits = await readSetting<AuthorityLimits>(ctx.db, 'authority_limits', DEFAULT_AUTHORITY_LIMITS);
    if (!mayDecide(limits, ctx.actor.roles, remedy.amount, major)) {
      throw forbidden('approval_limit_exceeded', { amount: remedy.amount });
    }
  }
  const fields: NewComplaint = {
    number: '',
    status: input.firstContact ? 'resolved' : 'received',
    channel: input.channel,
    received_at: receivedAt,
    registered_at: now,
    registered_by: ctx.actor.userId,
    intake_unit_id: ctx.actor.unitId,
    intake_unit_path: ctx.actor.unitPath,
    complainant_name: input.complainant.name,
    // Sealed at rest; the blind indexes find them again by exact value.
    complainant_phone: sealOrNull(keys, input.complainant.phone),
    complainant_email: sealOrNull(keys, input.complainant.email),
    complainant_phone_index: blindIndexOrNull(keys, 'phone', input.complainant.phone),
    complainant_email_index: blindIndexOrNull(keys, 'email', input.complainant.email),
    preferred_contact: input.complainant.preferredContact ?? null,
    complainant_locale: input.complainant.locale ?? null,
    identity_verified: input.complainant.identityVerified ? 1 : 0,
    title: input.title,
    content: input.content,
    demands: JSON.stringify(input.demands ?? []),
    demand_amount: input.demandAmount ?? null,
    demand_text: input.demandText ?? null,
    order_no: input.orderNo ?? null,
    waybill_no: input.waybillNo ?? null,
    store: input.store ?? null,
    product: input.product ?? null,
    batch_no: input.batchNo ?? null,
    region: input.region ?? null,
    staff_complained: input.staffComplained ?? null,
    staff_complained_user_id: input.staffComplainedUserId ?? null,
    staff_complained_party_id: input.staffComplainedPartyId ?? null,
    // Defined: check.done() refused a registration without a category.
    category_id: categoryId as number,
    category_confirmed: 0,
    // A major complaint is at least high priority (DOMAIN: safety outranks attitude).
    priority,
    grade: major ? 'major' : 'general',
    major_reasons: JSON.stringify(majorReasons),
    tags: JSON.stringify(input.tags ?? []),
    unit_id: unit.id,
    unit_path: unit.path,
    // Resolved on first contact: it counts as the resolver's (their first-contact resolutions, 考核),
    // unless filed with a unit the resolver is not part of.
    assignee_id:
      input.assigneeId ??
      (input.firstContact && ctx.actor.unitPath && inSubtree(ctx.actor.unitPath, unit.path)
        ? ctx.actor.userId
        : null),
    escalation_level: 0,
    reopen_count: 0,
    resolved_at: input.firstContact ? now : null,
    updated_at: now,
    external_ref: input.externalRef ?? null,
    referral_no: input.referral?.number ?? null,
    referral_authority: input.referral?.authority ?? null,
    referral_due_at: referralDue,
  };
  return { fields, dispatch, classified };
}

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

async function insertComplaint(
  tx: Tx,
  ctx: ActorContext,
  input: RegisterInput,
  {
    fields,
    dispatch,
    classified,
    id: takenId,
  }: {
    fields: NewComplaint;
    dispatch: DispatchDecision | null;
    classified: RegistrationClassification | null;
    /** Taken with the number (PostgreSQL): the row goes with the batch. */
    id?: number;
  },
): Promise<{ id: number; earlier: EarlierComplaint[] }> {
  const now = fields.registered_at;
  fields.customer_id = await linkCustomer(tx, piiKeys(ctx.config.secret), input.complainant, now);
  const earlier = await findEarlierComplaints(tx, fields);
  fields.repeat_complaint = earlier.length ? 1 : 0;
  const clocks = await planFirstClocks(tx, ctx, fields, { eventKind: 'registered', now });
  fields.due_at = clocks.dueAt;
  // The complaint's rows that nothing reads back before the flush: one round trip (write-batch.ts).
  const later = new WriteBatch(tx);
  if (takenId !== undefined) later.insertRow('complaints', { id: takenId, ...fields });
  const id = takenId ?? (await insertId(tx, 'complaints', fields));
  clocks.write(later, id);
  recordRepeats(later, { id, customer_id: fields.customer_id }, earlier, now);
  if (classified) storeClassification(later, id, classified, now);
  const playbooks = await attachPlaybooks(tx, { ...fields, id }, now, { registering: later });
  // Resolving on first contact is a reply: not while a playbook's required step waits.
  if (input.firstContact && playbooks.length) {
    await later.flush();
    await assertRequiredStepsDone(tx, id);
  }
  // The history keeps the blind indexes, not the sealed contacts: it is read by more people.
  const { content, complainant_phone, complainant_email, due_at, ...recorded } = fields;
  startStream(later, {
    streamType: COMPLAINT_STREAM,
    streamId: id,
    actorId: ctx.actor.userId,
    at: now,
    kind: 'registered',
    // The content is kept verbatim in the record; the history pins it with a hash.
    data: {
      fields: recorded,
      contentSha256: createHash('sha256').update(content).digest('hex'),
      clocks: clocks.changes,
      ...(classified ? { classification: classificationEventData(classified) } : {}),
      ...(playbooks.length ? { playbooks } : {}),
      ...(earlier.length ? { repeatOf: earlier.map((e) => ({ number: e.number, reasons: e.reasons })) } : {}),
      ...(dispatch
        ? {
            dispatch: {
              rule: dispatch.rule,
              unitId: dispatch.unit.id,
              assigneeId: fields.assignee_id ?? null,
            },
          }
        : {}),
    },
  });
  // A new complaint's search row; on first contact it is written with the reply, below.
  if (!input.firstContact)
    await indexNewComplaint(later, id, {
      title: fields.title,
      content: fields.content,
      waybill_no: fields.waybill_no ?? null,
      order_no: fields.order_no ?? null,
      category_id: fields.category_id,
      updated_at: fields.updated_at,
    });
  await later.flush();
  // After the batch: a notice delivered in the console appends to the complaint's history.
  await queueComplaintNotices(
    tx,
    ctx,
    { complaintId: id, kind: 'registered', data: {}, comment: null, now },
    {
      complaint: {
        ...fields,
        id,
        assignee_id: fields.assignee_id ?? null,
        due_at: clocks.dueAt,
      },
    },
  );
  if (input.firstContact) {
    const { reply, remedy } = input.firstContact;
    const actorId = ctx.actor.userId;
    const remedyId = remedy
      ? await insertRemedy(tx, id, remedy, { approved: true, requiredRole: null, actorId, now })
      : null;
    const replyId = await insertReply(tx, id, reply, { kind: 'first_contact', actorId, now });
    const firstContactClocks = await updateComplaintClocks(tx, ctx, {
      before: null,
      after: { ...fields, id },
      eventKind: 'resolved_on_first_contact',
      now,
    });
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: id,
      actorId,
      at: now,
      kind: 'resolved_on_first_contact',
      data: {
        replyId,
        remedyId,
        amount: remedy?.amount ?? null,
        method: reply.method,
        clocks: firstContactClocks,
      },
    });
    await indexComplaint(tx, id);
  }
  return { id, earlier };
}

/** 重复投诉: the earlier complaints found; the open ones are offered for merging. */
const repeatView = (earlier: EarlierComplaint[]) => ({
  repeat: earlier.length > 0,
  possibleDuplicates: earlier
    .filter((e) => e.open)
    .map((e) => ({
      number: e.number,
      status: e.status as Status,
      receivedAt: new Date(e.receivedAt).toISOString(),
      reasons: e.reasons,
    })),
});
