/** One node of a category preset: a stable ASCII code and its names in Chinese and English. */
export interface PresetNode {
  code: string;
  zh: string;
  en: string;
  children?: PresetNode[];
}

/** A category tree an administrator can load (express, retail, ...). */
export interface CategoryPreset {
  name: string;
  zh: string;
  en: string;
  tree: PresetNode[];
}
