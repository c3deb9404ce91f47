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
export { presets } from './presets/index.js';
