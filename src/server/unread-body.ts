import type { Http } from './http.js';

/**
 * An answer given before its request's body has all arrived — an upload refused (404, 403, 409)
 * before a byte of it is read, a handler timeout while a slow body is still coming: the rest of the
 * body is read and thrown away, so that a client still sending reads the answer. Closing a socket
 * with unread bytes in it makes the kernel answer with a reset, which many clients report instead of
 * the status. At most `maxBytes` more, for at most `windowMs` after the answer; a client that sends
 * more or for longer has its connection cut, so a slow sender cannot hold a socket (or a shutdown).
 */
export function registerUnreadBodyDrain(http: Http, limits: { maxBytes: number; windowMs: number }): void {
  http.addHook('onSend', async (req, _reply, payload) => {
    const raw = req.raw;
    // `complete` is false only on a real connection whose message has not all arrived (injected requests have none).
    if (raw.complete !== false || raw.destroyed) return payload;
    // A multipart parser left holding the stream would stop reading it: the rest goes nowhere.
    raw.unpipe();
    const cut = () => raw.socket.destroy();
    const timer = setTimeout(cut, limits.windowMs).unref();
    let seen = 0;
    raw.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limits.maxBytes) cut();
    });
    raw.once('end', () => clearTimeout(timer));
    raw.once('close', () => clearTimeout(timer));
    raw.resume();
    return payload;
  });
}
