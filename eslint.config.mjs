// ESLint over the browser page's modules (api/static): the recommended rules, browser globals,
// and d3 as the one global the page's classic scripts define (the others are read off window).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["api/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, d3: "readonly" },
    },
  },
];
