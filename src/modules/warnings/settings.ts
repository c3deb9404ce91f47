import type { Db, Tx } from '../../db/database.js';
import { readSetting } from '../settings/index.js';
import { defaultFestivals, type Festival } from '../sla/index.js';
import type { Sensitivity } from './sensitivity.js';

export const WARNING_SETTINGS_KEY = 'warnings';

/** N complaints within M days. */
export interface RepeatRule {
  count: number;
  days: number;
}

export interface WarningSettings {
  /** The spike detector's sensitivity, and per scope ('category:12', 'unit:3', 'region:…', 'channel:…'). */
  sensitivity: Sensitivity;
  scopeSensitivity: Record<string, Sensitivity>;
  repeatCustomer: RepeatRule;
  repeatWaybill: RepeatRule;
  /** A person or station named responsible in N valid complaints within M days. */
  repeatPerson: RepeatRule;
  repeatStation: RepeatRule;
  /** Words and phrases that signal media, legal or regulator action (matched on jieba words). */
  escalationWords: string[];
  /** A survey whose recommendation (0–10) is at most this is very dissatisfied (NPS detractor 0–2). */
  dissatisfiedAtMost: number;
  /** A unit with at least `minOpen` open complaints of which this share is due within `withinHours`. */
  nearBreach: { share: number; minOpen: number; withinHours: number };
  /** Festival windows the expected level knows (the defaults: 618, 双十一, 双十二, 春节). */
  festivals: Festival[];
}

export const DEFAULT_ESCALATION_WORDS = [
  '曝光',
  '媒体',
  '记者',
  '电视台',
  '律师',
  '律师函',
  '起诉',
  '诉讼',
  '法院',
  '消协',
  '消费者协会',
  '12315',
  '12345',
  '邮政管理局',
  '市场监管局',
  '工商局',
  '投诉到底',
  '微博',
  '黑猫投诉',
];

export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  sensitivity: 'normal',
  scopeSensitivity: {},
  repeatCustomer: { count: 3, days: 30 },
  repeatWaybill: { count: 2, days: 30 },
  repeatPerson: { count: 3, days: 30 },
  repeatStation: { count: 10, days: 7 },
  escalationWords: DEFAULT_ESCALATION_WORDS,
  dissatisfiedAtMost: 2,
  nearBreach: { share: 0.3, minOpen: 5, withinHours: 24 },
  festivals: defaultFestivals(),
};

export async function loadWarningSettings(db: Db | Tx): Promise<WarningSettings> {
  const stored = await readSetting<Partial<WarningSettings>>(db, WARNING_SETTINGS_KEY, {});
  return { ...DEFAULT_WARNING_SETTINGS, ...stored };
}
