import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { firstLoadChunk } from './scripts/firstLoadChunk.ts';
import { precompress } from './scripts/precompress.ts';

export default defineConfig({
  plugins: [react(), firstLoadChunk(), precompress()],
  // The entry chunk holds all the first screen needs (see firstLoadChunk); e2e/performance.spec.ts holds it to
  // its budget in gzip bytes, which is what counts, rather than this warning's minified size.
  build: { sourcemap: false, chunkSizeWarningLimit: 700 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'contracts/**/*.test.ts'],
          setupFiles: ['src/test/setup.ts'],
          // Flows through the real dialogs take a second or two in jsdom alone, and several times that with the
          // whole suite on two cores.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
