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

/** Two pages: the staff console (index.html) and the customer portal (portal.html), built into dist/web. */
export default defineConfig({
  root,
  base: '/',
  plugins: [catalogPerLanguage(), react()],
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
