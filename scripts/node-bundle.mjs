// The Node bundles (browser mode's server, the export CLI and their workers) are ES modules with
// their packages inside, as Electron's main has them. Node then reads a few files at start, not the
// hundreds its resolver would look up, stat and compile one by one in node_modules: the server was
// ready ~90 ms sooner (bench/README.md, round 22). CommonJS packages inside (yaml, …) call
// `require` for Node's own modules, which an ES module lacks: this banner gives each file one.
export const NODE_ESM_BANNER = {
  js: "import { createRequire as __postwrightCreateRequire } from 'node:module'; const require = __postwrightCreateRequire(import.meta.url);",
};
