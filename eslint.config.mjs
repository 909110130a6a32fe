// @ts-check
/*
 * `npm run lint`: eslint (with sorted imports) over the TypeScript, then
 * `prettier --check`. Files listed in .format-pending have not been through
 * `npm run format` yet: prettier skips them and the purely mechanical rules
 * (import order) are off for them, so the tree can adopt the formatter in
 * one commit without mixing it into other changes. `npm run format` formats
 * everything and empties that list.
 */
import { readFileSync } from "node:fs";

import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

const pending = readFileSync(new URL("./.format-pending", import.meta.url), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"))
  // Only the files eslint lints: a "files" entry of another type would make it lint that type too.
  .filter((line) => /\.(ts|mts|js|mjs)$/.test(line));

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "**/dist/",
      "coverage/",
      "sdk/generated/",
      "docs/database/",
      "examples/spa/dist/",
      ".nexus/",
      ".nexus-bench/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mts", "**/*.js", "**/*.mjs"],
    plugins: { "simple-import-sort": simpleImportSort },
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        require: "readonly",
        module: "writable",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setImmediate: "readonly",
      },
    },
    rules: {
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      // grafast's and pg's callbacks are untyped at the seams this project adapts (src/graphql/request-transaction.ts).
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // GraphileConfig and Grafast are global namespaces that plugins augment, as PostGraphile documents.
      "@typescript-eslint/no-namespace": "off",
    },
  },
  {
    // CommonJS configuration files.
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...(pending.length > 0 ? [{ files: pending, rules: { "simple-import-sort/imports": "off", "simple-import-sort/exports": "off" } }] : []),
  prettier,
);
