import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// During development the SPA talks to a running platform (`npm start`) through this proxy, so cookies
// stay same-origin exactly as in production, where the api serves dist/.
const apiTarget = process.env.LOGICODE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // zod 4 writes `@__PURE__` inside explanatory comments in two of its files; Rollup says it cannot use those
      // (INVALID_ANNOTATION) and drops the comments, which changes nothing in the bundle. Silenced for zod only, so
      // the same warning from our own code still shows.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
      output: {
        // The shared wire contracts (and zod under them) get a name that says what they are.
        manualChunks: (id) => (id.includes('/packages/contracts/') || id.includes('/node_modules/zod/') ? 'contracts' : undefined),
      },
    },
  },
  worker: { format: 'es' },
  server: {
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
