import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Booleans are stored as 0/1 on both databases. */
export type Flag = 0 | 1;
/** Epoch milliseconds (bigint in PostgreSQL, parsed to number). */
export type Millis = number;

export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  name_en: string | null;
  kind: string;
  /** Materialised path `/1/4/9/` for subtree queries. */
  path: string;
  active: Flag;
  created_at: Millis;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: number;
  email: string | null;
  phone: string | null;
  active: Flag;
  created_at: Millis;
  /** The language of the notices the user receives: the one they last used the console in. */
  locale: Generated<string>;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: Millis;
  expires_at: Millis;
  last_seen_at: Millis | null;
  address: string | null;
  user_agent: string | null;
}

/** Sign-in failures per account (as typed) and per client address (org/login-throttle.ts). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: Millis;
  last_attempt_at: Millis;
  locked_until: Millis | null;
}

export interface UserTotpTable {
  user_id: number;
  secret: string;
  enabled_at: Millis | null;
  last_step: number;
  created_at: Millis;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  user_id: number;
  created_at: Millis;
  revoked_at: Millis | null;
}

export interface CategoryTable {
  id: Generated<number>;
  parent_id: number | null;
  level: number;
  code: string;
  name_zh: string;
  name_en: string;
  path: string;
  sort: number;
  active: Flag;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: Millis;
}

export interface ComplaintTable {
  id: Generated<number>;
  number: string;
  status: string;
  channel: string;
  received_at: Millis;
  registered_at: Millis;
  registered_by: number;
  intake_unit_id: number;
  intake_unit_path: string;
  complainant_name: string;
  complainant_phone: string | null;
  complainant_email: string | null;
  preferred_contact: string | null;
  /** The language the complainant is written to in; null: Chinese. */
  complainant_locale: string | null;
  identity_verified: Flag;
  title: string;
  content: string;
  demands: string;
  demand_amount: number | null;
  demand_text: string | null;
  order_no: string | null;
  waybill_no: string | null;
  store: string | null;
  product: string | null;
  batch_no: string | null;
  region: string | null;
  staff_complained: string | null;
  category_id: number;
  category_confirmed: Flag;
  priority: string;
  grade: string;
  major_reasons: string;
  tags: string;
  unit_id: number;
  unit_path: string;
  assignee_id: number | null;
  escalation_level: number;
  reopen_count: number;
  merged_into_id: number | null;
  liable_party: string | null;
  responsible_unit_id: number | null;
  responsible_person: string | null;
  liability_degree: string | null;
  judgement_basis: string | null;
  validity: string | null;
  validity_kind: string | null;
  invalid_reason: string | null;
  judged_by: number | null;
  judged_at: Millis | null;
  customer_confirmation: string | null;
  confirmed_at: Millis | null;
  close_reason: string | null;
  resolved_at: Millis | null;
  closed_at: Millis | null;
  updated_at: Millis;
  /** The earliest open deadline (null when none runs or the clock is paused). */
  due_at: Millis | null;
  /** When the customer was last told anything (a customer notice): progress notices count from it. */
  progress_from: Millis | null;
  customer_id: number | null;
  /** Blind indexes (HMAC) of the sealed complainant_phone / complainant_email, for exact lookup. */
  complainant_phone_index: string | null;
  complainant_email_index: string | null;
  /** sha256 of the tracking token handed to the customer at portal registration. */
  tracking_token_hash: string | null;
  /** The sender's own reference (spreadsheet row, call-centre call id); unique. */
  external_ref: string | null;
  /** Regulator / consumer-association referral: their number, who referred, their deadline. */
  referral_no: string | null;
  referral_authority: string | null;
  referral_due_at: Millis | null;
  /** The same customer or waybill complained within the repeat window. */
  repeat_complaint: Generated<Flag>;
  /** 责任人 / 被投诉员工 as links (issue 14): a user or an external party; the text columns hold a typed name. */
  responsible_user_id: number | null;
  responsible_party_id: number | null;
  staff_complained_user_id: number | null;
  staff_complained_party_id: number | null;
}

export interface RemedyProposalTable {
  id: Generated<number>;
  complaint_id: number;
  kinds: string;
  internal_actions: string;
  amount: number;
  description: string;
  status: string;
  required_role: string | null;
  proposed_by: number;
  proposed_at: Millis;
  decided_by: number | null;
  decided_at: Millis | null;
  decision_comment: string | null;
  /** JSON: [{ bearer, name, unitId, userId, amount }] adding up to `amount`. */
  cost_shares: Generated<string>;
  /** pending | done | failed | cancelled; null: nothing to carry out, or not approved. */
  fulfilment_status: string | null;
  fulfilment_owner_id: number | null;
  fulfilment_due_at: Millis | null;
  /** When the fulfilment was recorded done, failed or cancelled. */
  fulfilled_at: Millis | null;
  fulfilled_by: number | null;
  /** JSON: the proof by kind (refund reference, waybill, voucher code …). */
  fulfilment_proof: string | null;
  fulfilment_note: string | null;
}

export interface ReplyTable {
  id: Generated<number>;
  complaint_id: number;
  kind: string;
  method: string;
  summary: string;
  actions: string;
  result: string;
  basis: string;
  follow_up: string;
  sent_by: number;
  sent_at: Millis;
}

export interface ComplaintLinkTable {
  id: Generated<number>;
  complaint_id: number;
  kind: string;
  target_id: number;
  created_at: Millis;
}

export interface ComplaintWatcherTable {
  complaint_id: number;
  user_id: number;
}

export interface NumberSequenceTable {
  day: string;
  last: number;
}

export interface IdempotencyKeyTable {
  actor_id: number;
  key: string;
  request_hash: string;
  complaint_id: number;
  created_at: Millis;
}

export interface EventTable {
  id: Generated<number>;
  stream_type: string;
  stream_id: number;
  seq: number;
  at: Millis;
  actor_id: number | null;
  kind: string;
  /** JSON text exactly as hashed. */
  data: string;
  comment: string | null;
  prev_hash: string;
  hash: string;
}

export interface EventHeadTable {
  stream_type: string;
  stream_id: number;
  seq: number;
  hash: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  /** pending | running | done | dead */
  state: string;
  run_at: Millis;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  /** A running job whose lease ran out is claimed again (its worker died). */
  locked_until: Millis | null;
  /** Deterministic key (cron slots, de-duplication); unique when set. */
  key: string | null;
  created_at: Millis;
  finished_at: Millis | null;
}

/** One row per job worker: its poll loop writes `heartbeat_at` while it can reach the database. */
export interface WorkerHeartbeatTable {
  worker_id: string;
  started_at: Millis;
  heartbeat_at: Millis;
}

/** 延期: a request to extend a complaint's time limits by working days, and its decision. */
export interface DeadlineExtensionTable {
  id: Generated<number>;
  complaint_id: number;
  days: number;
  reason: string;
  /** pending | approved | refused */
  status: string;
  requested_by: number;
  requested_at: Millis;
  decided_by: number | null;
  decided_at: Millis | null;
  decision_comment: string | null;
  /** The whole-complaint due time after the approval: what the customer was told to expect. */
  expected_at: Millis | null;
}

export interface ComplaintDeadlineTable {
  complaint_id: number;
  stage: string;
  /** working | clock */
  mode: string;
  limit_ms: number;
  started_at: Millis;
  due_at: Millis;
  remind_at: Millis | null;
  paused_at: Millis | null;
  /** Time spent paused so far, in this deadline's mode; the due time is shifted by it. */
  paused_ms: number;
  met_at: Millis | null;
  reminded_at: Millis | null;
  breached_at: Millis | null;
}

export interface SlaPolicyTable {
  id: Generated<number>;
  stage: string;
  category_id: number | null;
  priority: string | null;
  mode: string;
  limit_minutes: number;
  updated_at: Millis;
}

export interface DispatchRuleTable {
  id: Generated<number>;
  name: string;
  position: number;
  active: Flag;
  /** JSON: { categoryId?, unitId?, channels?, priorities?, keywords? } */
  conditions: string;
  unit_id: number;
  /** none | round_robin | least_loaded */
  assign: string;
  cursor: number;
  updated_at: Millis;
}

export interface NotificationTemplateTable {
  event: string;
  channel: string;
  locale: string;
  subject: string;
  body: string;
  updated_at: Millis;
}

export interface NotificationTable {
  id: Generated<number>;
  complaint_id: number | null;
  event: string;
  channel: string;
  recipient: string;
  user_id: number | null;
  locale: string;
  subject: string;
  body: string;
  /** pending | sending | sent | failed | unconfigured */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Millis;
  sent_at: Millis | null;
  /** The notice's stable id, passed on by its channel so that a resend is recognisable (set on every insert). */
  notice_key: string;
  /** When the last send began; `sending` after a crash means the outcome is unknown. */
  sending_at: Millis | null;
  /** JSON [{ filename, mediaType, sha256 }]: files from the content store sent with an e-mail. */
  attachments: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InboxItemTable {
  id: Generated<number>;
  user_id: number;
  complaint_id: number | null;
  event: string;
  title: string;
  body: string;
  created_at: Millis;
  read_at: Millis | null;
  /** The notice it delivers (unique: an in-app notice lands once). */
  notification_id: number | null;
}

export interface ContactAttemptTable {
  id: Generated<number>;
  complaint_id: number;
  /** reached | unreachable */
  outcome: string;
  note: string | null;
  by_user: number;
  at: Millis;
}

export interface CustomerTable {
  id: Generated<number>;
  name: string;
  /** regular | vip | key */
  level: string;
  tags: string;
  /** Sealed JSON array of addresses. */
  addresses: string | null;
  note: string | null;
  repeat_complainant: Flag;
  created_at: Millis;
  updated_at: Millis;
}

export interface CustomerContactTable {
  id: Generated<number>;
  customer_id: number;
  /** phone | email */
  kind: string;
  /** Sealed (AES-256-GCM). */
  value: string;
  /** Blind index (HMAC of the normalised value). */
  value_index: string;
  created_at: Millis;
}

export interface EvidenceTable {
  id: Generated<number>;
  complaint_id: number;
  sha256: string;
  size: number;
  /** Detected from the content, never from the name. */
  media_type: string;
  filename: string;
  /** staff | customer | email | import */
  source: string;
  added_by: number | null;
  note: string | null;
  created_at: Millis;
}

export interface ComplaintMessageTable {
  id: Generated<number>;
  complaint_id: number;
  /** customer | staff */
  author: string;
  /** portal | email | phone | console */
  source: string;
  body: string;
  user_id: number | null;
  created_at: Millis;
}

/** portal: the customer's own; phone: taken by staff; return_visit: taken on the return visit (回访). */
export type SurveySource = 'portal' | 'phone' | 'return_visit';

export interface SatisfactionSurveyTable {
  id: Generated<number>;
  complaint_id: number;
  source: Generated<SurveySource>;
  speed: number;
  effectiveness: number;
  attitude: number;
  transparency: number;
  /** 0–10 */
  recommendation: number;
  suggestions: string | null;
  recorded_by: number | null;
  submitted_at: Millis;
}

export type ReturnVisitStatus = 'scheduled' | 'done' | 'unreached' | 'cancelled';

/** 回访: a call to the customer some time after the complaint closed. */
export interface ReturnVisitTable {
  id: Generated<number>;
  complaint_id: number;
  unit_id: number;
  unit_path: string;
  /** 'YYYY-MM-DD' in the organisation's time zone: the day the next call is due. */
  due_on: string;
  status: ReturnVisitStatus;
  delay_days: number;
  attempts: Generated<number>;
  last_called_at: Millis | null;
  last_called_by: number | null;
  note: string | null;
  new_complaint_id: number | null;
  scheduled_at: Millis;
  finished_at: Millis | null;
}

export interface TrackingCodeTable {
  id: Generated<number>;
  complaint_id: number;
  code_hash: string;
  attempts: number;
  expires_at: Millis;
  used_at: Millis | null;
  created_at: Millis;
}

export interface MailReceiptTable {
  /** Message-ID, or mailbox/uidvalidity/uid when there is none. */
  message_key: string;
  mailbox: string;
  uid: number;
  complaint_id: number;
  /** complaint | message */
  outcome: string;
  received_at: Millis;
}

/** An integration's subscription to history events (issue 11); `secret` is sealed, `kinds` JSON. */
export interface WebhookSubscriptionTable {
  id: Generated<number>;
  url: string;
  description: string;
  kinds: string;
  active: Flag;
  secret: string;
  since_event_id: number;
  created_by: number;
  created_at: Millis;
  updated_at: Millis;
}

/** One event told to one subscription; `public_id` is the stable X-Kesu-Delivery, `payload` the body sent. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  public_id: string;
  subscription_id: number;
  event_id: number | null;
  kind: string;
  payload: string;
  /** pending | delivered | failed */
  state: string;
  attempts: number;
  created_at: Millis;
  last_attempt_at: Millis | null;
  delivered_at: Millis | null;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  at: Millis;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response_snippet: string | null;
  /** auto | replay */
  trigger: string;
}

export interface WebhookWatermarkTable {
  name: string;
  event_id: number;
  updated_at: Millis;
}

/** A complaint marked as a case of the library (案例库), issue 6. */
export interface ComplaintCaseTable {
  complaint_id: number;
  title: string;
  summary: string;
  lessons: string;
  /** JSON array of { title, text }: canned replies (话术). */
  scripts: string;
  /** JSON array of strings. */
  tags: string;
  category_id: number;
  /** Space-separated segmented words of title, summary, lessons and scripts. */
  terms: string;
  marked_by: number;
  marked_at: Millis;
  updated_by: number;
  updated_at: Millis;
}

/**
 * A complaint's search document (title, content, numbers, replies, messages as plain text). Its
 * segmented terms live beside it: the `terms` tsvector column on PostgreSQL, the FTS5 table
 * `complaint_search_fts` (rowid = complaint id) on SQLite; both are written with raw SQL.
 */
export interface ComplaintSearchTable {
  complaint_id: number;
  body: string;
  updated_at: Millis;
}

/** A trained classifier (issue 6): the model JSON of src/modules/classifier/model.ts. */
export interface ClassifierModelTable {
  id: Generated<number>;
  name: string;
  /** file | complaints */
  kind: string;
  model: string;
  trained_at: Millis;
  sample_count: number;
  /** JSON: labels, seconds, training-set figures. */
  metrics: string;
  trained_by: number | null;
}

/** What the classifier proposed when a complaint was registered, and what of it was applied. */
export interface ComplaintClassificationTable {
  complaint_id: number;
  model: string;
  category_id: number | null;
  category_confidence: number | null;
  priority: string | null;
  priority_confidence: number | null;
  grade: string | null;
  grade_confidence: number | null;
  rule_id: number | null;
  /** JSON { category, priority, grade } booleans. */
  applied: string;
  created_at: Millis;
}

/** An admin keyword rule: any of its words in the text sets the category/priority/major grade. */
export interface ClassificationRuleTable {
  id: Generated<number>;
  name: string;
  /** JSON array of words. */
  words: string;
  category_id: number | null;
  priority: string | null;
  major: number;
  position: number;
  active: number;
  updated_at: Millis;
}

/** A handler changed or confirmed a category other than the predicted one. */
export interface ClassificationCorrectionTable {
  id: Generated<number>;
  complaint_id: number;
  predicted_category_id: number | null;
  corrected_category_id: number;
  corrected_by: number;
  corrected_at: Millis;
}

export interface AuditVerificationTable {
  id: Generated<number>;
  /** Null: the whole history; else one complaint's chain. */
  complaint_id: number | null;
  requested_by: number;
  requested_at: Millis;
  /** queued | running | done | failed */
  state: string;
  checked_events: Generated<number>;
  total_events: number | null;
  /** JSON: the chain report once done, the error once failed. */
  result: string | null;
  finished_at: Millis | null;
}

/** 处置清单: checklist steps attached to complaints by category subtree and/or major reason. */
export interface PlaybookTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string;
  category_id: number | null;
  major_reason: string | null;
  /** JSON array of { textZh, textEn, required, documents: [{ zh, en }] }. */
  steps: string;
  active: Flag;
  updated_at: Millis;
}

/** 首问指引: what the agent says and does first, per category code (applies to its subtree). */
export interface CategoryGuidanceTable {
  category_code: string;
  text_zh: string;
  text_en: string;
  updated_at: Millis;
}

/** A playbook's step as attached to a complaint (copied: later edits of the playbook do not change it). */
export interface ComplaintChecklistStepTable {
  id: Generated<number>;
  complaint_id: number;
  playbook_id: number;
  playbook_name_zh: string;
  playbook_name_en: string;
  position: number;
  text_zh: string;
  text_en: string;
  required: Flag;
  /** JSON array of { zh, en }: documents to collect. */
  documents: string;
  attached_at: Millis;
  done_at: Millis | null;
  done_by: number | null;
}

/** 外部责任方: a partner station, courier contractor or supplier a complaint can be judged against. */
export interface ExternalPartyTable {
  id: Generated<number>;
  /** partner_station | courier_contractor | supplier | other */
  kind: string;
  code: string;
  name: string;
  unit_id: number | null;
  active: Generated<Flag>;
  created_at: Millis;
}

/** 质检: one complaint's handling scored against a checklist; read by the assessment, revised by appeals. */
export interface QualityCheckTable {
  id: Generated<number>;
  complaint_id: number;
  handler_id: number;
  unit_id: number;
  /** 'YYYY-MM' in the organisation's time zone */
  period: string;
  checker_id: number;
  /** random | rule */
  drawn_by: string;
  checklist_id: number | null;
  /** JSON: [{ key, labelZh, labelEn, weight, score (0..1 or null), note }] */
  items: Generated<string>;
  /** 0–100, null until scored */
  score: number | null;
  findings: string | null;
  /** draft | final | overturned */
  status: string;
  revised_score: number | null;
  created_at: Millis;
  scored_at: Millis | null;
}

/** 质检清单: what a quality check scores; items JSON [{ key, labelZh, labelEn, weight, guidance }]. */
export interface QualityChecklistTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string;
  items: string;
  active: Generated<Flag>;
  updated_at: Millis;
}

/** 质检抽样: one sample drawn, with what was asked and the seed, so that it can be redrawn. */
export interface QualityDrawTable {
  id: Generated<number>;
  period: string;
  drawn_by: number;
  drawn_at: Millis;
  /** random | rule */
  method: string;
  params: string;
  check_ids: string;
}

/** 整改 / 纠正预防 (issue 14 item 6). */
/** 公示: one month's public disclosure — the chosen figures, computed when prepared, and its status. */
export interface DisclosureTable {
  id: Generated<number>;
  /** 'YYYY-MM' in the organisation's time zone. */
  period: string;
  /** draft | published */
  status: string;
  /** JSON: the names of the figures chosen for publication. */
  chosen: string;
  /** JSON: every figure as computed at preparation. */
  figures: string;
  prepared_by: number;
  prepared_at: Millis;
  published_at: Millis | null;
  updated_at: Millis;
}

/** A judgement selected for publication: its texts, drafted without personal values and edited by the admin. */
export interface DisclosureJudgementTable {
  id: Generated<number>;
  disclosure_id: number;
  complaint_id: number;
  position: number;
  category: string;
  cause: string;
  result: string;
  measures: string;
  updated_at: Millis;
}

export interface CorrectiveActionTable {
  id: Generated<number>;
  /** corrective | preventive */
  kind: string;
  /** complaint | complaints | warning */
  source_kind: string;
  warning_id: number | null;
  title: string;
  description: string;
  root_cause: string;
  plan: string;
  unit_id: number;
  unit_path: string;
  category_id: number | null;
  region: string | null;
  owner_id: number;
  owner_unit_id: number;
  due_at: Millis;
  /** open | in_progress | done | verified | closed */
  status: string;
  progress_note: string | null;
  completion_note: string | null;
  done_at: Millis | null;
  verified_by: number | null;
  verified_at: Millis | null;
  verify_comment: string | null;
  effect_days: number;
  /** effective | not_effective */
  outcome: string | null;
  /** JSON { before, after, changePct } */
  outcome_figure: string | null;
  closed_by: number | null;
  closed_at: Millis | null;
  reminded_at: Millis | null;
  escalated_at: Millis | null;
  created_by: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface CorrectiveActionComplaintTable {
  action_id: number;
  complaint_id: number;
}

/** 业务量: a unit's parcels and orders in a month, the denominator of its valid-complaint rate. */
export interface UnitVolumeTable {
  unit_id: number;
  /** 'YYYY-MM' in the organisation's time zone */
  period: string;
  parcels: number | null;
  orders: number | null;
  updated_by: number;
  updated_at: Millis;
}

/** A closed (frozen) assessment period. */
export interface AssessmentPeriodTable {
  period: string;
  closed_by: number;
  closed_at: Millis;
}

/** A sheet as it was when its period was closed. */
export interface AssessmentSnapshotTable {
  period: string;
  /** user | unit */
  subject_kind: string;
  subject_id: number;
  /** JSON */
  sheet: string;
}

/** 申诉: an appeal against a judgement or a quality check, reviewed by a supervisor, then a manager. */
export interface AppealTable {
  id: Generated<number>;
  /** judgement | quality_check */
  subject_kind: string;
  complaint_id: number;
  quality_check_id: number | null;
  /** 'judgement:<complaint id>' | 'quality_check:<id>' while open (unique), else null */
  open_key: string | null;
  appellant_id: number;
  unit_id: number | null;
  unit_path: string;
  reason: string;
  evidence: string | null;
  /** pending_supervisor | pending_manager | decided | withdrawn */
  status: string;
  filed_at: Millis;
  subject_at: Millis;
  due_at: Millis | null;
  overdue_notified_at: Millis | null;
  supervisor_outcome: string | null;
  supervisor_id: number | null;
  supervisor_comment: string | null;
  supervisor_due_at: Millis;
  supervisor_decided_at: Millis | null;
  manager_outcome: string | null;
  manager_id: number | null;
  manager_comment: string | null;
  manager_due_at: Millis | null;
  manager_decided_at: Millis | null;
  /** JSON of the change a 'partly' outcome asks for */
  revision: string | null;
  /** overturned | partly | upheld */
  outcome: string | null;
  decided_at: Millis | null;
}

/** The dimensions a complaint is counted under (statistics); '' and 0 stand for none. */
export interface StatsDimensions {
  /** Local day of receipt in the organisation's zone, yyyymmdd. */
  day: number;
  category_id: number;
  unit_id: number;
  intake_unit_id: number;
  channel: string;
  priority: string;
  grade: string;
  validity: string;
  liable_party: string;
  region: string;
  repeat_flag: number;
}

/** What a complaint adds to the sums of its dimensions. */
export interface StatsMeasures {
  closed: number;
  first_contact: number;
  reopened: number;
  reopens: number;
  surveys: number;
  speed: number;
  effectiveness: number;
  attitude: number;
  transparency: number;
  recommendation: number;
  promoters: number;
  detractors: number;
}

export interface StatsFactTable extends StatsDimensions, StatsMeasures {
  complaint_id: number;
  /** Local hour of receipt, 0–23. */
  hour: number;
}

/** A met stage clock of a complaint: its duration bucket and whether it was met by its due time. */
export interface StatsFactStageTable {
  complaint_id: number;
  stage: string;
  bucket: number;
  on_time: number;
}

/** An approved remedy of a complaint. */
export interface StatsFactRemedyTable {
  complaint_id: number;
  proposal_id: number;
  /** The remedy's kinds, sorted, comma-separated. */
  kinds: string;
  /** The role whose approval it needed ('' when within the proposer's own limit). */
  level: string;
  amount: number;
}

/** The rollups are keyed by handling unit (−1: the whole organisation) and then local day of receipt. */
export interface StatsTotalTable extends StatsMeasures {
  unit_id: number;
  day: number;
  complaints: number;
}

/** Complaints per unit, day and one dimension's value (dim: category_id, channel, region …). */
export interface StatsCountTable {
  dim: string;
  unit_id: number;
  day: number;
  key: string;
  complaints: number;
}

export interface StatsHourTable {
  unit_id: number;
  day: number;
  hour: number;
  complaints: number;
}

export interface StatsStageTable {
  unit_id: number;
  day: number;
  stage: string;
  bucket: number;
  complaints: number;
  on_time: number;
}

export interface StatsRemedyTable {
  unit_id: number;
  day: number;
  kinds: string;
  level: string;
  remedies: number;
  amount: number;
}

export interface WarningTable {
  id: Generated<number>;
  /** spike | repeat_customer | repeat_waybill | repeat_person | repeat_station | escalation_risk | dissatisfied | near_breach | topic */
  kind: string;
  /** category | unit | region | channel | customer | waybill | user | complaint | topic */
  scope_kind: string;
  scope_key: string;
  scope_label: string;
  unit_id: number;
  unit_path: string;
  /** open | acknowledged | resolved */
  status: string;
  owner_id: number | null;
  /** JSON of the latest trigger's figures. */
  figures: string;
  /** JSON array of complaint ids. */
  complaint_ids: string;
  triggers: number;
  action_id: number | null;
  raised_at: Millis;
  updated_at: Millis;
  resolved_at: Millis | null;
}

export interface WarningWatermarkTable {
  name: string;
  position: number;
  updated_at: Millis;
}

export interface StatsWatermarkTable {
  name: string;
  event_id: number;
  updated_at: Millis;
}

/** 报表 (issue 15 item 3): a periodic or on-demand report and its stored files. */
export interface ReportTable {
  id: Generated<number>;
  /** weekly | monthly | quarterly | on_demand */
  kind: string;
  period_from: string;
  period_to: string;
  unit_id: number;
  unit_path: string;
  locale: string;
  /** queued | ready | failed */
  status: string;
  schedule_key: string | null;
  requested_by: number | null;
  created_at: Millis;
  finished_at: Millis | null;
  error: string | null;
  summary: string | null;
  pdf_sha256: string | null;
  pdf_size: number | null;
  xlsx_sha256: string | null;
  xlsx_size: number | null;
}

export interface ReportRecipientTable {
  id: Generated<number>;
  unit_id: number;
  user_id: number | null;
  email: string | null;
  locale: string;
}

/** A hot topic (热点, issue 16): complaints grouped by their words; current when last_day is the latest run's. */
export interface TopicTable {
  id: Generated<number>;
  /** JSON array of the key words, heaviest first. */
  words: string;
  /** JSON [word, weight][] of the centroid's heaviest words (to follow the topic to the next day). */
  centroid: string;
  /** Local days yyyymmdd. */
  first_day: number;
  last_day: number;
  /** Complaints in the current period (7 days) and the 7 days before. */
  size: number;
  previous: number;
  /** JSON number[]: complaints per local day over both periods, oldest first. */
  trend: string;
  /** JSON [unit id, complaints][]: handling units, most first. */
  units: string;
  computed_at: Millis;
}

/** A complaint of a topic as of the topic's last run. */
export interface TopicComplaintTable {
  topic_id: number;
  complaint_id: number;
  unit_path: string;
  received_at: Millis;
}

export interface TopicRunTable {
  /** Local day yyyymmdd. */
  day: number;
  ran_at: Millis;
  complaints: number;
  topics: number;
}

/** A stored daily forecast (预测, issue 16) of a scope (unit 0: the organisation) and series. */
export interface ForecastTable {
  unit_id: number;
  /** total | category | region */
  series: string;
  /** '' for total, the level-1 category id, or the region. */
  key: string;
  /** Local day yyyymmdd. */
  day: number;
  expected: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  made_at: Millis;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  categories: CategoryTable;
  settings: SettingTable;
  complaints: ComplaintTable;
  remedy_proposals: RemedyProposalTable;
  replies: ReplyTable;
  complaint_links: ComplaintLinkTable;
  complaint_watchers: ComplaintWatcherTable;
  number_sequences: NumberSequenceTable;
  idempotency_keys: IdempotencyKeyTable;
  events: EventTable;
  event_heads: EventHeadTable;
  jobs: JobTable;
  complaint_deadlines: ComplaintDeadlineTable;
  deadline_extensions: DeadlineExtensionTable;
  sla_policies: SlaPolicyTable;
  dispatch_rules: DispatchRuleTable;
  notification_templates: NotificationTemplateTable;
  notifications: NotificationTable;
  inbox_items: InboxItemTable;
  contact_attempts: ContactAttemptTable;
  customers: CustomerTable;
  customer_contacts: CustomerContactTable;
  evidence: EvidenceTable;
  complaint_messages: ComplaintMessageTable;
  satisfaction_surveys: SatisfactionSurveyTable;
  tracking_codes: TrackingCodeTable;
  mail_receipts: MailReceiptTable;
  // search (issue 6) — tables of src/modules/search
  complaint_search: ComplaintSearchTable;
  // classifier (issue 6) — tables of src/modules/classifier
  classifier_models: ClassifierModelTable;
  complaint_classifications: ComplaintClassificationTable;
  classification_rules: ClassificationRuleTable;
  classification_corrections: ClassificationCorrectionTable;
  // cases (issue 6) — tables of src/modules/cases
  complaint_cases: ComplaintCaseTable;
  // webhooks (issue 11) — tables of src/modules/webhooks
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  webhook_watermarks: WebhookWatermarkTable;
  // sign-in hardening (issue 11) — tables of src/modules/org
  login_throttles: LoginThrottleTable;
  user_totp: UserTotpTable;
  // observability (issue 11) — verifications of the history, src/modules/audit
  audit_verifications: AuditVerificationTable;
  // faults (issue 11) — src/modules/jobs
  worker_heartbeats: WorkerHeartbeatTable;
  // playbooks (issue 13) — tables of src/modules/playbooks
  playbooks: PlaybookTable;
  category_guidance: CategoryGuidanceTable;
  complaint_checklist_steps: ComplaintChecklistStepTable;
  // accountability (issue 14) — shared by the assessment, appeals and quality checks
  external_parties: ExternalPartyTable;
  quality_checks: QualityCheckTable;
  // quality checks (issue 14 item 4)
  quality_checklists: QualityChecklistTable;
  quality_draws: QualityDrawTable;
  return_visits: ReturnVisitTable;
  corrective_actions: CorrectiveActionTable;
  corrective_action_complaints: CorrectiveActionComplaintTable;
  // assessment (issue 14) — tables of src/modules/assessment
  unit_volumes: UnitVolumeTable;
  assessment_periods: AssessmentPeriodTable;
  assessment_snapshots: AssessmentSnapshotTable;
  // appeals (issue 14) — src/modules/appeals
  appeals: AppealTable;
  // public disclosure (issue 15 item 4) — src/modules/disclosure
  disclosures: DisclosureTable;
  disclosure_judgements: DisclosureJudgementTable;
  // statistics (issue 15) — src/modules/stats
  stats_facts: StatsFactTable;
  stats_fact_stages: StatsFactStageTable;
  stats_fact_remedies: StatsFactRemedyTable;
  stats_totals: StatsTotalTable;
  stats_counts: StatsCountTable;
  stats_hours: StatsHourTable;
  stats_stages: StatsStageTable;
  stats_remedies: StatsRemedyTable;
  stats_watermarks: StatsWatermarkTable;
  // reports (issue 15 item 3) — src/modules/reports
  reports: ReportTable;
  report_recipients: ReportRecipientTable;
  // hot topics and forecasts (issue 16) — src/modules/topics, src/modules/forecast
  topics: TopicTable;
  topic_complaints: TopicComplaintTable;
  topic_runs: TopicRunTable;
  forecasts: ForecastTable;
  warnings: WarningTable;
  warning_watermarks: WarningWatermarkTable;
}

export type Job = Selectable<JobTable>;
export type Playbook = Selectable<PlaybookTable>;

export type Appeal = Selectable<AppealTable>;
export type AppealUpdate = Updateable<AppealTable>;
export type Complaint = Selectable<ComplaintTable>;
export type NewComplaint = Insertable<ComplaintTable>;
export type ComplaintUpdate = Updateable<ComplaintTable>;
export type Unit = Selectable<UnitTable>;
export type User = Selectable<UserTable>;
export type Category = Selectable<CategoryTable>;
export type RemedyProposal = Selectable<RemedyProposalTable>;
export type Reply = Selectable<ReplyTable>;
export type Event = Selectable<EventTable>;
export type Customer = Selectable<CustomerTable>;
export type Evidence = Selectable<EvidenceTable>;
export type ComplaintMessage = Selectable<ComplaintMessageTable>;
