/** The complaint as GET /api/v1/complaints/:number answers it (the fields the page shows). */
export interface Person {
  id: number;
  name: string | null;
}
export interface UnitRef {
  id: number;
  name: string;
  nameEn: string | null;
}
export interface Deadline {
  stage: string;
  mode: string;
  limitMinutes: number;
  startedAt: string | null;
  dueAt: string | null;
  state: 'met' | 'paused' | 'running';
  timeLeftMs: number | null;
  metAt: string | null;
  breached: boolean;
}
export interface Remedy {
  id: number;
  kinds: string[];
  internalActions: string[];
  amount: number;
  description: string;
  status: string;
  requiredRole: string | null;
  proposedBy: Person | null;
  proposedAt: string | null;
  decidedBy: Person | null;
  decidedAt: string | null;
  decisionComment: string | null;
}
export interface ReplyView {
  id: number;
  kind: string;
  method: string;
  summary: string;
  actions: string;
  result: string;
  basis: string;
  followUp: string;
  sentBy: Person | null;
  sentAt: string | null;
}
export interface EvidenceItem {
  id: number;
  filename: string;
  mediaType: string;
  size: number;
  source: string;
  note: string | null;
  addedBy: Person | null;
  createdAt: string;
}
export interface MessageView {
  id: number;
  author: string;
  source: string;
  body: string;
  by: Person | null;
  createdAt: string;
}
export interface ComplaintDetail {
  number: string;
  status: string;
  channel: string;
  receivedAt: string;
  registeredAt: string;
  registeredBy: Person | null;
  complainant: {
    name: string;
    phone: string | null;
    email: string | null;
    preferredContact: string | null;
    identityVerified: boolean;
    customerId: number | null;
  };
  repeatComplaint: boolean;
  referral: { number: string | null; authority: string | null; dueAt: string | null } | null;
  title: string;
  content: string;
  demands: string[];
  demandAmount: number | null;
  demandText: string | null;
  references: Record<string, string | null>;
  category: {
    id: number;
    confirmed: boolean;
    path: Array<{ id: number; code: string; nameZh: string; nameEn: string; level: number }>;
  };
  priority: string;
  grade: string;
  majorReasons: string[];
  tags: string[];
  unit: UnitRef | null;
  assignee: Person | null;
  watchers: Array<Person | null>;
  escalationLevel: number;
  reopenCount: number;
  deadlines: Deadline[];
  judgement: {
    liableParty: string;
    responsibleUnit: UnitRef | null;
    responsiblePerson: string | null;
    degree: string | null;
    basis: string | null;
    judgedBy: Person | null;
    judgedAt: string | null;
  } | null;
  validity: { validity: string; kind: string | null; invalidReason: string | null } | null;
  remedies: Remedy[];
  replies: ReplyView[];
  evidence: EvidenceItem[];
  messages: MessageView[];
  survey: {
    speed: number;
    effectiveness: number;
    attitude: number;
    transparency: number;
    recommendation: number;
    suggestions: string | null;
  } | null;
  customerConfirmation: string | null;
  links: Array<{ kind: string; number: string; createdAt: string }>;
  allowedActions: string[];
  /** The complaint as a case of the library (案例库), or null. */
  case: CaseRecord | null;
}
export interface TimelineEvent {
  seq: number;
  at: string;
  kind: string;
  actor: Person | null;
  data: Record<string, unknown>;
  comment: string | null;
}

/** The action that marks, edits or removes a case; not a step of the complaint's life. */
export const CURATE_CASE = 'curate_case';

/** 话术: a canned reply of a case. */
export interface Script {
  title: string;
  text: string;
}
export interface CaseRecord {
  title: string;
  summary: string;
  lessons: string;
  scripts: Script[];
  tags: string[];
  markedBy: Person;
  markedAt: string;
}

/** GET /complaints/:number/similar (contract 3). */
export interface SimilarComplaint {
  number: string;
  title: string;
  status: string;
  score: number;
  category: { id: number; code: string; nameZh: string; nameEn: string };
  receivedAt: string;
  closedAt: string | null;
  isCase: boolean;
  judgement: { liableParty: string; degree: string | null; basis: string | null } | null;
  validity: { validity: string; kind: string | null } | null;
  remedies: Array<{ kinds: string[]; amount: number; status: string; description: string }>;
  reply: { summary: string } | null;
}
export interface RecommendedRemedy {
  kinds: string[];
  amount: number;
  basedOn: number;
  numbers: string[];
}
export interface SimilarAnswer {
  items: SimilarComplaint[];
  recommendedRemedy: RecommendedRemedy | null;
}

/** GET /complaints/:number/scripts: the canned replies offered in the reply form. */
export interface OfferedScript extends Script {
  caseNumber: string;
  caseTitle: string;
}
