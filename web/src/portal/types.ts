export { DEMANDS } from '../api/vocabularies';
/** The shapes the public portal API answers with (src/modules/portal). */
export interface PortalCategory {
  id: number;
  nameZh: string;
  nameEn: string;
  children: PortalCategory[];
}

export interface Registered {
  number: string;
  trackingToken: string;
  trackUrl: string;
}

export interface CustomerReply {
  kind: string;
  method: string;
  summary: string | null;
  actions: string | null;
  result: string | null;
  basis: string | null;
  followUp: string | null;
  sentAt: string | null;
}

export interface Survey {
  speed: number;
  effectiveness: number;
  attitude: number;
  transparency: number;
  recommendation: number;
  suggestions: string | null;
  submittedAt: string | null;
}

export interface CustomerView {
  number: string;
  status: string;
  channel: string;
  receivedAt: string | null;
  expectedBy: string | null;
  title: string;
  content: string;
  category: Array<{ id: number; nameZh: string; nameEn: string }>;
  demands: string[];
  demandAmount: number | null;
  references: { waybillNo: string | null; orderNo: string | null };
  complainant: { name: string; phone: string | null; email: string | null };
  replies: CustomerReply[];
  messages: Array<{ id: number; author: string; body: string; createdAt: string | null }>;
  evidence: Array<{
    id: number;
    filename: string;
    mediaType: string;
    size: number;
    createdAt: string | null;
  }>;
  confirmation: { outcome: string; at: string | null } | null;
  survey: Survey | null;
  mayConfirm: boolean;
  mayWithdraw: boolean;
  maySurvey: boolean;
}
