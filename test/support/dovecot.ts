import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A throwaway Debian dovecot (IMAP only, plaintext on loopback) for the mail intake tests, started
 * as a child process with its own configuration, state and maildir in a temp dir. Needs the
 * `dovecot-imapd` package (CI installs it) or KESU_DOVECOT pointing at a dovecot binary.
 *
 * As root, dovecot refuses to run its login process or to open mail as root: it uses the package's
 * `dovecot`/`dovenull` users (or `nobody`). As anyone else, every dovecot process runs as that user.
 */
export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** (Re)start the server on the same port with the same mail. */
  start(): Promise<void>;
  /** Stop the server (the mail stays): an outage. */
  stop(): Promise<void>;
  /** A connected client for the test's own look at the mailbox; logged out after `fn`. */
  withClient<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T>;
  /** Append an RFC 822 message to a mailbox (default INBOX); returns its UID. */
  append(message: Buffer | string, mailbox?: string): Promise<number>;
  /** Flags of every message in a mailbox by UID. */
  flags(mailbox?: string): Promise<Map<number, Set<string>>>;
  close(): Promise<void>;
}

const DOVECOT = process.env.KESU_DOVECOT ?? '/usr/sbin/dovecot';

interface Account {
  name: string;
  uid: number;
  gid: number;
  group: string;
}

function account(name: string): Account | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[0] === name);
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { name, uid: Number(uid), gid: Number(gid), group: groupName(Number(gid)) };
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

const firstAccount = (...names: string[]) => {
  for (const n of names) {
    const a = account(n);
    if (a) return a;
  }
  throw new Error(`none of the users ${names.join(', ')} exists`);
};

/** Who runs what: [internal, login, mail]. */
function accounts(): [Account, Account, Account] {
  if (process.getuid?.() === 0) {
    const internal = firstAccount('dovecot', 'nobody');
    return [internal, firstAccount('dovenull', 'nobody'), internal];
  }
  const me = userInfo();
  const self = { name: me.username, uid: me.uid, gid: me.gid, group: groupName(me.gid) };
  return [self, self, self];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

function config(dir: string, port: number, [internal, login, mail]: [Account, Account, Account]): string {
  return `# Kesu test instance; written by test/support/dovecot.ts
instance_name = kesu-test-${randomBytes(4).toString('hex')}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A refused login answers at once (the default waits 2 s against guessing).
auth_failure_delay = 0
default_internal_user = ${internal.name}
default_internal_group = ${internal.group}
default_login_user = ${login.name}
first_valid_uid = ${mail.uid}
last_valid_uid = ${mail.uid}
first_valid_gid = ${mail.gid}
last_valid_gid = ${mail.gid}
mail_uid = ${mail.uid}
mail_gid = ${mail.gid}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mail.uid} gid=${mail.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

export async function startDovecot(): Promise<Dovecot> {
  if (!existsSync(DOVECOT))
    throw new Error(`dovecot not found at ${DOVECOT}: install dovecot-imapd (CI does) or set KESU_DOVECOT`);
  const users = accounts();
  const mailAccount = users[2];
  const dir = mkdtempSync(join(tmpdir(), 'kesu-dovecot-'));
  // The mail user (not root) must reach its maildir under the temp dir.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  if (process.getuid?.() === 0) chownSync(join(dir, 'mail'), mailAccount.uid, mailAccount.gid);
  const user = 'complaints';
  const password = randomBytes(9).toString('base64url');
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, config(dir, port, users));
  const log = () => {
    try {
      return readFileSync(join(dir, 'dovecot.log'), 'utf8').split('\n').slice(-20).join('\n');
    } catch {
      return '';
    }
  };

  let child: ChildProcess | null = null;
  let stderr = '';

  const start = async () => {
    if (child) return;
    stderr = '';
    const proc = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    proc.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // A test process that dies without its afterAll must not leave the server running.
    const killOnExit = () => proc.kill('SIGKILL');
    process.once('exit', killOnExit);
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      process.off('exit', killOnExit);
      if (child === proc) child = null;
    });
    const deadline = Date.now() + 15_000;
    while (!(await canConnect(port))) {
      if (exited || Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`dovecot did not start:\n${stderr}\n${log()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const stop = async () => {
    const proc = child;
    if (!proc) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    child = null;
    // The listener is gone with the master; wait until the port refuses, so an outage is an outage.
    while (await canConnect(port)) await new Promise((r) => setTimeout(r, 50));
  };

  const withClient = async <T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    client.on('error', () => {});
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    start,
    stop,
    withClient,
    append: (message, mailbox = 'INBOX') =>
      withClient(async (client) => {
        const result = await client.append(mailbox, message);
        if (!result || result.uid === undefined) throw new Error('append returned no UID');
        return result.uid;
      }),
    flags: (mailbox = 'INBOX') =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock(mailbox);
        try {
          const out = new Map<number, Set<string>>();
          if (client.mailbox && client.mailbox.exists === 0) return out;
          for await (const m of client.fetch('1:*', { uid: true, flags: true }))
            out.set(m.uid, m.flags ?? new Set());
          return out;
        } finally {
          lock.release();
        }
      }),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
