import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Routes and UI reach the database and the cluster only through use-cases in lib/, and
// never import tools/ (the local environment). Components also get server actions as
// props from their page, so they never import app/.
function restrictedImports(extraPatterns = []) {
  return [
    "error",
    {
      paths: [
        { name: "@/lib/db", message: "Call a use-case in lib/ instead of the database." },
        { name: "@kubernetes/client-node", message: "Only lib/k8s talks to the cluster." },
        { name: "@/lib/platform-cluster", message: "Go through lib/ use-cases." },
      ],
      patterns: [
        { group: ["@/lib/generated/*", "@/lib/k8s", "@/lib/k8s/*", "@/lib/cluster/*"], message: "Go through lib/ use-cases." },
        { group: ["@/tools/*", "**/tools/*"], message: "tools/ builds and runs the local environment; the app does not import it." },
        ...extraPatterns,
      ],
    },
  ];
}

const config = [
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", ".data/**", "dist/**", "next-env.d.ts"] },
  ...next,
  ...nextTs,
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": restrictedImports() } },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrictedImports([{ group: ["@/app/*"], message: "Pages pass server actions to components as props." }]),
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
];

export default config;
