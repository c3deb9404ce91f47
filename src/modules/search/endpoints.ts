import { type Static, Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';

const MaybeText = Type.Union([Type.String(), Type.Null()]);

export const SimilarQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) },
  { additionalProperties: false },
);

const SimilarComplaint = Type.Object({
  number: Type.String(),
  title: Type.String(),
  status: Type.String(),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  category: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
  }),
  receivedAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  isCase: Type.Boolean({ description: 'it is a case of the library (案例库)' }),
  judgement: Type.Union([
    Type.Object({ liableParty: MaybeText, degree: MaybeText, basis: MaybeText }),
    Type.Null(),
  ]),
  validity: Type.Union([Type.Object({ validity: Type.String(), kind: MaybeText }), Type.Null()]),
  remedies: Type.Array(
    Type.Object({
      kinds: Type.Array(Type.String()),
      amount: Type.Integer({ description: 'fen (分)' }),
      status: Type.String(),
      description: Type.String(),
    }),
  ),
  reply: Type.Union([Type.Object({ summary: Type.String() }), Type.Null()]),
});

export const SimilarAnswer = Type.Object({
  items: Type.Array(SimilarComplaint),
  recommendedRemedy: Type.Union([
    Type.Object({
      kinds: Type.Array(Type.String()),
      amount: Type.Integer({ description: 'fen (分): the median of the granted remedies' }),
      basedOn: Type.Integer({ description: 'how many granted remedies' }),
      numbers: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
});
export type SimilarAnswerView = Static<typeof SimilarAnswer>;

export const searchEndpoints = {
  similar: endpoint('GET', '/complaints/:number/similar', {
    operationId: 'listSimilarComplaints',
    access: ROLES,
    summary: '相似投诉 similar past complaints with their judgement, remedies and a recommended remedy',
    tags: ['complaints'],
    params: NumberParams,
    querystring: SimilarQuery,
    response: { 200: SimilarAnswer, ...problems(400, 401, 404) },
  }),
};
