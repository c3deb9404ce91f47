import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** Two pages: the staff console (index.html) and the customer portal (portal.html), built into dist/web. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
