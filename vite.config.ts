import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built once and served both by Electron's app:// protocol and by the
// browser-mode server, so every URL in the build is relative (`base: './'`).
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // The package's browser build decodes entities through `document`, which a worker lacks;
      // the preview renders in a worker, so use its plain-JavaScript build everywhere.
      {
        find: 'decode-named-character-reference',
        replacement: fileURLToPath(
          new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url),
        ),
      },
      // The editor's own preview never renders (MarkdownPane.tsx): leave its renderer out of the bundle.
      {
        find: /^@uiw\/react-markdown-preview\/nohighlight$/,
        replacement: fileURLToPath(new URL('./renderer/preview/NoMarkdownPreview.tsx', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // PW_NOMINIFY=1 keeps function names readable in a CPU profile of the page (bench/README.md, round 15).
    minify: process.env.PW_NOMINIFY === '1' ? false : 'esbuild',
    chunkSizeWarningLimit: 4096,
  },
});
