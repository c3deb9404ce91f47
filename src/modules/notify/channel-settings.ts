import { IsOptional, type TObject, type TSchema, Type } from 'typebox';
import type { ChannelConfig } from './channels/schemas.js';

/** `notify_channels` setting: how each kind of notice leaves Kesu. Unset channels are not sent (status `unconfigured`). */
export interface ChannelSettings {
  email?: ChannelConfig;
  sms?: ChannelConfig;
  /** Staff group robots (WeCom, DingTalk, Feishu); escalations and major complaints are posted to each. */
  robots?: Array<{ name: string; config: ChannelConfig }>;
}

/** What a secret reads back as. */
export const REDACTED = '********';

// The fields the channel schemas mark writeOnly: passwords, secrets, and webhook URLs (their key is the credential).
const SECRET_KEYS = /secret|pass|token|key|webhook/i;

/** Channel settings as admins read them back: secrets replaced by a mark, never echoed. */
export function redact<T>(value: T): T {
  // Only string values are replaced, by a string: the shape, and so the type, stays the same.
  return redactAny(value) as T;
}
function redactAny(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactAny);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) && typeof v === 'string' ? REDACTED : redactAny(v),
      ]),
    );
  }
  return value;
}

/** A channel schema whose secret fields also accept the mark read back from GET (merged before use). */
export function acceptingRedacted<T extends TObject>(schema: T): TSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties as Record<string, TSchema>).map(([k, s]) => {
      if (!SECRET_KEYS.test(k)) return [k, s];
      const either = Type.Union([Type.Literal(REDACTED), Type.Unsafe<string>({ ...s })]);
      return [k, IsOptional(s) ? Type.Optional(either) : either];
    }),
  );
  return Type.Object(properties, { additionalProperties: false });
}

const sameKind = (a: ChannelConfig, b: ChannelConfig | undefined): b is ChannelConfig =>
  b !== undefined &&
  a.channel === b.channel &&
  (a as { provider?: string }).provider === (b as { provider?: string }).provider;

function keepSecrets(next: ChannelConfig, stored: ChannelConfig | undefined): ChannelConfig {
  const out: Record<string, unknown> = { ...next };
  const before = sameKind(next, stored) ? (stored as Record<string, unknown>) : {};
  for (const key of new Set([...Object.keys(out), ...Object.keys(before)])) {
    if (!SECRET_KEYS.test(key)) continue;
    const value = out[key];
    if (value === REDACTED || value === undefined) {
      if (typeof before[key] === 'string') out[key] = before[key];
      else delete out[key];
    }
  }
  return out as ChannelConfig;
}

/**
 * The settings to store from what an admin sent: every secret field sent back as the mark (or
 * omitted) keeps the stored value of the same channel (and SMS provider); robots are matched by name.
 * A mark with nothing stored behind it is dropped, so that the strict schema then refuses it.
 */
export function mergeChannelSecrets(next: ChannelSettings, stored: ChannelSettings): ChannelSettings {
  const out: ChannelSettings = {};
  if (next.email) out.email = keepSecrets(next.email, stored.email);
  if (next.sms) out.sms = keepSecrets(next.sms, stored.sms);
  if (next.robots) {
    const byName = new Map((stored.robots ?? []).map((r) => [r.name, r.config]));
    out.robots = next.robots.map((r) => ({
      name: r.name,
      config: keepSecrets(r.config, byName.get(r.name)),
    }));
  }
  return out;
}
