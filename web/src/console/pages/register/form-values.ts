import type { Dayjs } from 'dayjs';
import type { CallInput, EndpointAt } from '../../../api/call';
import { REFERRAL_CHANNELS, toFen } from './vocab';

/** What POST /complaints takes. */
export type RegisterBody = CallInput<EndpointAt<'POST', '/complaints'>>['body'];

export const REFERENCES = [
  'waybillNo',
  'orderNo',
  'store',
  'product',
  'batchNo',
  'region',
  'staffComplained',
] as const;
export const REPLY_SECTIONS = ['summary', 'actions', 'result', 'basis', 'followUp'] as const;

/** The priority option that leaves the priority to the rules (the API's prediction or its default). */
export const PRIORITY_AUTO = 'auto';

type FirstContact = NonNullable<RegisterBody['firstContact']>;
type Remedy = NonNullable<FirstContact['remedy']>;

/** The form's values as antd holds them (the vocabularies typed by the contract). */
export interface Values {
  channel: RegisterBody['channel'];
  receivedAt?: Dayjs;
  complainant: {
    name?: string;
    phone?: string;
    email?: string;
    preferredContact?: RegisterBody['complainant']['preferredContact'];
    locale?: RegisterBody['complainant']['locale'];
  };
  title?: string;
  content?: string;
  demands?: RegisterBody['demands'];
  demandAmount?: number | null;
  demandText?: string;
  /** The Cascader's path of ids; the last one is the category. */
  categoryId?: number[];
  priority?: RegisterBody['priority'] | typeof PRIORITY_AUTO;
  majorReasons?: RegisterBody['majorReasons'];
  referral?: { number?: string; authority?: string; dueAt?: Dayjs };
  firstContact?: {
    reply?: Partial<Record<(typeof REPLY_SECTIONS)[number], string>> & {
      method?: FirstContact['reply']['method'];
    };
    remedy?: { kinds?: Remedy['kinds']; amount?: number | null; description?: string };
  };
  [reference: string]: unknown;
}

/** The fields a suggestion can fill in. */
export type SuggestedField = 'category' | 'priority' | 'grade';
/** Which of them the form holds because a suggestion was confident. */
export type AutoFilled = Record<SuggestedField, boolean>;

export const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Which parts of the form are switched on. */
export interface Parts {
  firstContact: boolean;
  remedy: boolean;
}

/**
 * The body of POST /complaints from the form's values. What the form filled in from a confident
 * suggestion is left out: the API applies its own prediction then and records it as applied automatically.
 */
export function toBody(v: Values, parts: Parts, auto: AutoFilled): RegisterBody {
  const references = Object.fromEntries(REFERENCES.map((r) => [r, text(v[r])]).filter(([, value]) => value));
  const referral =
    REFERRAL_CHANNELS.includes(v.channel) && (text(v.referral?.number) || text(v.referral?.authority))
      ? {
          number: text(v.referral?.number) ?? '',
          authority: text(v.referral?.authority) ?? '',
          dueAt: v.referral?.dueAt?.toISOString(),
        }
      : undefined;
  const reply = v.firstContact?.reply;
  const r = v.firstContact?.remedy;
  const priority = auto.priority || v.priority === PRIORITY_AUTO ? undefined : v.priority;
  return {
    channel: v.channel,
    receivedAt: v.receivedAt?.toISOString(),
    complainant: {
      name: text(v.complainant.name) ?? '',
      phone: text(v.complainant.phone),
      email: text(v.complainant.email),
      preferredContact: v.complainant.preferredContact,
      locale: v.complainant.locale,
    },
    title: text(v.title) ?? '',
    content: v.content?.trim() ?? '',
    demands: v.demands?.length ? v.demands : undefined,
    demandAmount: toFen(v.demandAmount),
    demandText: text(v.demandText),
    ...references,
    categoryId: auto.category ? undefined : v.categoryId?.at(-1),
    priority,
    majorReasons: v.majorReasons?.length ? v.majorReasons : undefined,
    referral,
    firstContact: parts.firstContact
      ? {
          reply: {
            method: reply?.method ?? 'phone',
            summary: reply?.summary?.trim() ?? '',
            actions: reply?.actions?.trim() ?? '',
            result: reply?.result?.trim() ?? '',
            basis: reply?.basis?.trim() ?? '',
            followUp: reply?.followUp?.trim() ?? '',
          },
          remedy: parts.remedy
            ? {
                kinds: r?.kinds ?? [],
                amount: toFen(r?.amount) ?? 0,
                description: r?.description?.trim() ?? '',
              }
            : undefined,
        }
      : undefined,
  };
}
