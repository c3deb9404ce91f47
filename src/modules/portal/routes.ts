import type { AppContext } from '../../context.js';
import type { Http } from '../../server/http.js';

/** Registered under /api/v1/portal: unauthenticated, rate-limited per IP. */
export function portalRoutes(_http: Http, _app: AppContext): void {}
