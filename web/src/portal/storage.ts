/** The proof (tracking token or access token) kept per complaint number, so this browser can come back. */
const key = (number: string) => `kesu.portal.track.${number}`;

export const TRACKING_HEADER = 'X-Kesu-Tracking';

export function storedProof(number: string): string | null {
  try {
    return localStorage.getItem(key(number));
  } catch {
    return null;
  }
}

export function storeProof(number: string, proof: string): void {
  try {
    localStorage.setItem(key(number), proof);
  } catch {
    // Private mode or full storage: the customer proves ownership again next time.
  }
}

export function forgetProof(number: string): void {
  try {
    localStorage.removeItem(key(number));
  } catch {
    // nothing kept
  }
}

export const trackingHeaders = (proof: string) => ({ [TRACKING_HEADER]: proof });

/** Move within the portal without reloading the page. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
