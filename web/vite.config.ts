import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * Each i18n section file holds both languages (`zh` and `en`). The English catalog is loaded only when
 * someone chooses English, but a module cannot be split between chunks: so the English catalog's
 * imports of the sections get their own module ids (`…/admin.ts?lang=en`), and tree-shaking keeps only
 * `en` in those copies and only `zh` in the ones the first page loads (ADR 0013).
 */
function catalogPerLanguage(): Plugin {
  const englishCatalog = resolve(root, 'src/i18n/en.ts');
  return {
    name: 'kesu:catalog-per-language',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer !== englishCatalog || !source.startsWith('./sections/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { ...resolved, id: `${resolved.id}?lang=en` };
    },
  };
}

/**
 * Ant Design's inputs import `antd/es/form/context` (for `FormProvider`) and its table's radios
 * `antd/es/form/hooks/useForm` (for `useForm`), which take those from `@rc-component/form`'s index:
 * the index's static property assignments keep the whole form engine and its validator (≈ 40 KiB) on
 * every page, with or without a form. Those two importers get a module that re-exports just what
 * they take, from the files the index re-exports too (the same instances), so a page without a form
 * loads no form engine (ADR 0022).
 */
const RC_FORM_PARTS: Record<string, string> = {
  '/antd/es/form/context.js': `export { FormProvider } from '@rc-component/form/es/FormContext.js';`,
  '/antd/es/form/hooks/useForm.js': `export { default as useForm } from '@rc-component/form/es/hooks/useForm.js';`,
};
const RC_FORM_PART = '\0kesu-rc-form-part:';

function formEngineOnDemand(): Plugin {
  return {
    name: 'kesu:form-engine-on-demand',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer) return null;
      const from = importer.replaceAll('\\', '/');
      const importerSuffix = Object.keys(RC_FORM_PARTS).find((suffix) => from.endsWith(suffix));
      return importerSuffix ? RC_FORM_PART + importerSuffix : null;
    },
    load(id) {
      return id.startsWith(RC_FORM_PART) ? RC_FORM_PARTS[id.slice(RC_FORM_PART.length)] : null;
    },
  };
}

/** Two pages: the staff console (index.html) and the customer portal (portal.html), built into dist/web. */
export default defineConfig({
  root,
  base: '/',
  plugins: [catalogPerLanguage(), formEngineOnDemand(), react()],
  build: {
    outDir: process.env.KESU_WEB_DIST ?? resolve(root, '../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { console: resolve(root, 'index.html'), portal: resolve(root, 'portal.html') },
      output: {
        // React and ECharts change less often than Kesu and are shared by both pages: own chunks.
        manualChunks(id: string) {
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
