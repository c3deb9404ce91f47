import type { AppContext } from '../../context.js';
import type { Http } from '../../server/http.js';

export function spreadsheetRoutes(_http: Http, _app: AppContext): void {}
