// @ts-check
// ESLint, type-aware: typescript-eslint's recommendedTypeChecked over the whole TypeScript project (the same
// tsconfig.json that `tsc --noEmit` checks), the React hooks rules (React Compiler's included), and Next.js's
// core-web-vitals rules. `npm run lint`; .ci/run fails on any error.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([".next*/", "tests/bench/baseline-app/", "tests/bench/shell-app/", "node_modules/", "lib/generated/", "test-results/", "coverage/", "public/", ".data/", "next-env.d.ts"]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection) and its ordering: always await, return,
      // or mark it `void` on purpose.
      "@typescript-eslint/no-floating-promises": "error",
      // `<form action={serverAction}>` and `formAction` take functions returning a promise by design; everywhere
      // else (onClick, callbacks typed `() => void`) a promise where void is expected is still an error.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Unused code is an error; a leading underscore says "unused on purpose" (test.each's `_why` labels).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Only with a reason: `// @ts-expect-error: why` (STYLE.md: no @ts-ignore without a one-line reason).
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-expect-error": "allow-with-description", minimumDescriptionLength: 10 }],
    },
  },

  // Tests: stand-ins for async APIs (headers(), cookies(), a Stripe call) are `async` functions with nothing to
  // await, which is the plainest way to write them; everywhere else an async function without await is an error.
  {
    files: ["tests/**/*.ts"],
    rules: {
      "@typescript-eslint/require-await": "off",
      // vitest's asymmetric matchers (expect.any, expect.stringMatching, expect.objectContaining) are typed `any`
      // by design: assigning them into an expected object is how they are used.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },

  // React: the hooks rules where components live (the React Compiler rules come with them in v7).
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },

  // Next.js: recommended plus core-web-vitals (the latter includes the former, with some rules raised to errors).
  {
    ...nextPlugin.configs["core-web-vitals"],
    settings: { next: { rootDir: "." } },
  },

  // Plain JavaScript files (configs, scripts/run.mjs) are outside the TypeScript project: no type-aware rules.
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
