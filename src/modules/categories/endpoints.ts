import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, Id, problems } from '../../server/endpoint.js';
import { CategoryChangesBody, CategorySchema, NewCategoryBody } from './schemas.js';

const tags = ['categories'];

export const categoryEndpoints = {
  listCategories: endpoint('GET', '/categories', {
    operationId: 'listCategories',
    access: ROLES,
    tags,
    summary: '投诉分类 the category tree, level by level',
    response: { 200: Type.Object({ items: Type.Array(CategorySchema) }), ...problems(401) },
  }),
  createCategory: endpoint('POST', '/categories', {
    operationId: 'createCategory',
    access: ['admin'],
    tags,
    summary: '新增分类 add a category (admin; at most 4 levels)',
    body: NewCategoryBody,
    response: { 201: CategorySchema, ...problems(400, 401, 403) },
  }),
  updateCategory: endpoint('PATCH', '/categories/:id', {
    operationId: 'updateCategory',
    access: ['admin'],
    tags,
    summary: '编辑分类 rename, re-sort or deactivate a category (admin)',
    params: Type.Object({ id: Id() }),
    body: CategoryChangesBody,
    response: { 200: CategorySchema, ...problems(400, 401, 403, 404) },
  }),
  loadCategoryPreset: endpoint('POST', '/categories/presets/:name', {
    operationId: 'loadCategoryPreset',
    access: ['admin'],
    tags,
    summary: '预置分类 add the categories of a preset (express, retail) that are missing (admin)',
    params: Type.Object({ name: Type.String({ maxLength: 50 }) }),
    response: {
      200: Type.Object({ preset: Type.String(), added: Type.Integer({ description: 'categories added' }) }),
      ...problems(400, 401, 403),
    },
  }),
};
