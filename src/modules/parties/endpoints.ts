/** 外部责任方 external parties (admin), and the people pickers of the judgement form. */
import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, Id, problems } from '../../server/endpoint.js';
import {
  PartyBody,
  PartyListQuery,
  PartyListSchema,
  PartyPatch,
  PartySchema,
  PeopleLookupQuery,
  PeopleLookupSchema,
} from './schemas.js';

const tags = ['parties'];
const IdParams = Type.Object({ id: Id() });

export const partyEndpoints = {
  listParties: endpoint('GET', '/parties', {
    operationId: 'listParties',
    access: ROLES,
    tags,
    summary: '外部责任方 partner stations, courier contractors and suppliers, searchable by name or code',
    querystring: PartyListQuery,
    response: { 200: PartyListSchema, ...problems(400, 401) },
  }),
  createParty: endpoint('POST', '/parties', {
    operationId: 'createParty',
    access: ['admin'],
    tags,
    summary: '新增外部责任方 (admin); the code is unique (409 party_code_taken)',
    body: PartyBody,
    response: { 200: PartySchema, ...problems(400, 401, 403, 409) },
  }),
  updateParty: endpoint('PATCH', '/parties/:id', {
    operationId: 'updateParty',
    access: ['admin'],
    tags,
    summary: '修改或停用外部责任方 (admin)',
    params: IdParams,
    body: PartyPatch,
    response: { 200: PartySchema, ...problems(400, 401, 403, 404, 409) },
  }),
  lookupPeople: endpoint('GET', '/people/lookup', {
    operationId: 'lookupPeople',
    access: ROLES,
    tags,
    summary:
      '责任人选择 users of a unit subtree and active parties matching a name or code, for the judgement form',
    querystring: PeopleLookupQuery,
    response: { 200: PeopleLookupSchema, ...problems(400, 401) },
  }),
};
