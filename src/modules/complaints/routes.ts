import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { act } from './act.js';
import { recordConfirmation, reopenComplaint, replyToCustomer } from './answer-complaint.js';
import {
  archiveComplaint,
  invalidateComplaint,
  mergeComplaint,
  withdrawComplaint,
} from './close-complaint.js';
import { recordContactAttempt } from './contact-customer.js';
import { approveRemedy, proposeRemedy, rejectRemedy } from './decide-remedy.js';
import { complaintEndpoints } from './endpoints.js';
import { recordFulfilment } from './fulfil-remedy.js';
import { fulfilments } from './fulfilments.js';
import {
  assessValidity,
  recordJudgement,
  requestInformation,
  resumeInvestigation,
  startInvestigation,
} from './investigate-complaint.js';
import { pendingApprovals } from './pending-approvals.js';
import { getComplaint, getTimeline } from './queries.js';
import { acceptComplaint, assignComplaint, escalateComplaint, transferComplaint } from './route-complaint.js';
import { linkComplaint, updateComplaint, watchComplaint } from './update-complaint.js';

export function complaintRoutes(http: Http, app: AppContext): void {
  const e = complaintEndpoints;
  route(http, e.getComplaint, async (req) =>
    getComplaint(actorContext(app, req), req.params.number, { reveal: req.query.reveal === true }),
  );
  route(http, e.pendingApprovals, async (req) => pendingApprovals(actorContext(app, req)));
  route(http, e.fulfilments, async (req) => fulfilments(actorContext(app, req), req.query.state ?? 'open'));
  route(http, e.getTimeline, async (req) => ({
    items: await getTimeline(actorContext(app, req), req.params.number),
  }));
  route(http, e.updateComplaint, (req) => act(app, req, req.body, updateComplaint));
  route(http, e.watch, (req) => act(app, req, true, watchComplaint));
  route(http, e.unwatch, (req) => act(app, req, false, watchComplaint));
  route(http, e.accept, (req) => act(app, req, req.body, acceptComplaint));
  route(http, e.assign, (req) => act(app, req, req.body, assignComplaint));
  route(http, e.transfer, (req) => act(app, req, req.body, transferComplaint));
  route(http, e.start, (req) => act(app, req, req.body, startInvestigation));
  route(http, e.requestInfo, (req) => act(app, req, req.body, requestInformation));
  route(http, e.resume, (req) => act(app, req, req.body, resumeInvestigation));
  route(http, e.judge, (req) => act(app, req, req.body, recordJudgement));
  route(http, e.assess, (req) => act(app, req, req.body, assessValidity));
  route(http, e.propose, (req) => act(app, req, req.body, proposeRemedy));
  route(http, e.approve, (req) => act(app, req, req.body, approveRemedy));
  route(http, e.reject, (req) => act(app, req, req.body, rejectRemedy));
  route(http, e.reply, (req) => act(app, req, req.body, replyToCustomer));
  route(http, e.confirm, (req) => act(app, req, req.body, recordConfirmation));
  route(http, e.reopen, (req) => act(app, req, req.body, reopenComplaint));
  route(http, e.escalate, (req) => act(app, req, req.body, escalateComplaint));
  route(http, e.link, (req) => act(app, req, req.body, linkComplaint));
  route(http, e.contact, (req) => act(app, req, req.body, recordContactAttempt));
  route(http, e.merge, (req) => act(app, req, req.body, mergeComplaint));
  route(http, e.withdraw, (req) => act(app, req, req.body, withdrawComplaint));
  route(http, e.invalidate, (req) => act(app, req, req.body, invalidateComplaint));
  route(http, e.fulfil, (req) => act(app, req, req.body, recordFulfilment));
  route(http, e.archive, (req) => act(app, req, req.body, archiveComplaint));
}
