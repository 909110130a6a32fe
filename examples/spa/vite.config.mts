import path from "node:path";

import { defineConfig } from "vite";

// The app imports the typed SDK from the repository's sdk/ folder.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: "dist", emptyOutDir: true },
  server: { port: 5173, strictPort: true, fs: { allow: [path.resolve(import.meta.dirname, "../..")] } },
});
