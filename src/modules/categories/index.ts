export {
  type CategoryView,
  categorySubtreeIds,
  createCategory,
  listCategories,
  loadCategoryPreset,
  loadPreset,
  MAX_CATEGORY_DEPTH,
  updateCategory,
} from './categories.js';
export { categoriesById, categoryById } from './category-cache.js';
export { expressPreset } from './presets/express.js';
export { flattenPreset, presets } from './presets/index.js';
export { retailPreset } from './presets/retail.js';
