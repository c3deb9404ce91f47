import type { AppContext } from '../../context.js';
import type { Http } from '../../server/http.js';

export function mailRoutes(_http: Http, _app: AppContext): void {}
