import { endpoint, problems } from '../../server/endpoint.js';
import { MailIntakeBody, MailIntakeStatus, MailIntakeView } from './schemas.js';

const tags = ['mail intake'];

/** 邮件接入: the IMAP mailbox complaints are read from, and how reading it goes (admin). */
export const mailEndpoints = {
  getMailIntake: endpoint('GET', '/settings/mail-intake', {
    operationId: 'getMailIntakeSettings',
    access: ['admin'],
    tags,
    summary: '邮件接入 mailbox settings (admin)',
    response: { 200: MailIntakeView, ...problems(401, 403) },
  }),
  saveMailIntake: endpoint('PUT', '/settings/mail-intake', {
    operationId: 'saveMailIntakeSettings',
    access: ['admin'],
    tags,
    summary: '邮件接入 replace the mailbox settings (admin); the password is kept when omitted',
    body: MailIntakeBody,
    response: { 200: MailIntakeView, ...problems(400, 401, 403) },
  }),
  getMailIntakeStatus: endpoint('GET', '/settings/mail-intake/status', {
    operationId: 'getMailIntakeStatus',
    access: ['admin'],
    tags,
    summary: '收信状态 last poll, last error and consecutive failures (admin)',
    response: { 200: MailIntakeStatus, ...problems(401, 403) },
  }),
};
