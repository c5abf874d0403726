import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Routes and UI reach the database and the cluster only through use-cases in lib/.
const layering = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [
          { name: "@/lib/db", message: "Call a use-case in lib/ instead of the database." },
          { name: "@kubernetes/client-node", message: "Only lib/k8s talks to the cluster." },
        ],
        patterns: [{ group: ["@/lib/generated/*", "@/lib/k8s/*"], message: "Go through lib/ use-cases." }],
      },
    ],
  },
};

const config = [
  { ignores: ["lib/generated/**", "dist/**", ".next/**", "node_modules/**", ".data/**", "next-env.d.ts"] },
  ...next,
  ...nextTs,
  layering,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
];

export default config;
