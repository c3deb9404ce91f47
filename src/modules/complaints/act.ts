import type { FastifyRequest } from 'fastify';
import type { ActorContext, AppContext } from '../../context.js';
import { actorContext } from '../../server/http.js';
import { getComplaint } from './queries.js';

/**
 * Run a command on the complaint the URL names and answer with the complaint as it now is — also when
 * the command took it out of the caller's sight (a transfer), then marked `visible: false`.
 */
export async function act<I>(
  app: AppContext,
  req: FastifyRequest<{ Params: { number: string } }>,
  input: I,
  command: (ctx: ActorContext, number: string, input: I) => Promise<unknown>,
) {
  const ctx = actorContext(app, req);
  await command(ctx, req.params.number, input);
  return getComplaint(ctx, req.params.number, { afterOwnAction: true });
}
