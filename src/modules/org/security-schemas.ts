import { type Static, Type } from 'typebox';

const Time = Type.String({ format: 'date-time' });

export const SessionSchema = Type.Object({
  id: Type.String({ description: 'names the session for revoking; not its token' }),
  createdAt: Time,
  lastSeenAt: Time,
  address: Type.Union([Type.String(), Type.Null()], { description: 'client address at sign-in' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean({ description: 'the session this request came with' }),
});
export type SessionView = Static<typeof SessionSchema>;

export const SessionList = Type.Object({ items: Type.Array(SessionSchema) });

const SessionRef = Type.String({ pattern: '^[0-9a-f]{20}$' });
export const SessionParams = Type.Object({ id: SessionRef });
export const UserSessionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), sessionId: SessionRef });

const Code = Type.String({ pattern: '^[0-9]{6}$', description: 'the 6-digit code of the authenticator app' });
export const TotpCodeBody = Type.Object({ code: Code }, { additionalProperties: false });

export const SecondFactorBody = Type.Object(
  { pendingToken: Type.String({ minLength: 1, maxLength: 500 }), code: Code },
  { additionalProperties: false },
);

export const SecondFactorNeeded = Type.Object({
  secondFactor: Type.Literal('totp'),
  pendingToken: Type.String({ description: 'send it with the code to /auth/login/second-factor' }),
  expiresAt: Time,
});

export const TotpStatusSchema = Type.Object({
  enabled: Type.Boolean(),
  offered: Type.Boolean({
    description: 'the user holds a role that may use a second factor (admin, manager)',
  }),
});

export const TotpEnrolmentSchema = Type.Object({
  secret: Type.String({ description: 'base32, for typing into the authenticator app' }),
  uri: Type.String({ description: 'otpauth:// URI, for the QR code' }),
});

export const UserSecuritySchema = Type.Object({
  lockedUntil: Type.Union([Time, Type.Null()], { description: 'sign-in locked out until then' }),
  failures: Type.Integer({ description: 'failed sign-ins in the current window' }),
  totpEnabled: Type.Boolean(),
  sessions: Type.Array(SessionSchema),
});
export type UserSecurityView = Static<typeof UserSecuritySchema>;
