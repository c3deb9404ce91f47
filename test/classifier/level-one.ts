import { type LoadedModel, predict, type Sample } from '../../src/modules/classifier/model.js';

/** The level-1 class of a model's top category for a text (`delay` of `delay.transit`). */
export const levelOne = (model: LoadedModel, text: string) =>
  predict(model, text).category[0]?.label.split('.')[0];

/** The share of rows (labelled at level 1) whose text the model puts under their label's level-1 class. */
export const accuracyOn = (rows: Sample[], model: LoadedModel) =>
  rows.filter((r) => levelOne(model, r.text) === r.label).length / rows.length;
