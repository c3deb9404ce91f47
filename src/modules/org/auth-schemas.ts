import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';

/** The signed-in user as the console knows them (org/actor.ts `Actor`). */
export const ActorSchema = Type.Object({
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.Enum(ROLES)),
  unitId: Type.Integer(),
  unitPath: Type.String({ description: 'materialised path, e.g. /1/4/9/' }),
  customerOf: Type.Optional(
    Type.Integer({ description: 'a complainant on the portal: the one complaint they proved to own' }),
  ),
});

export const SignedIn = Type.Object({ user: ActorSchema });
export const SessionAnswer = Type.Object({
  user: Type.Union([ActorSchema, Type.Null()], { description: 'null: nobody is signed in' }),
});
