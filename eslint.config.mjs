// ESLint: a few type-aware correctness rules and the architecture boundaries (see ../shared/STYLE.md, "Boundaries").
// No style rule here: layout is Prettier's job.
import tseslint from 'typescript-eslint';

const restricted = '@typescript-eslint/no-restricted-imports';
const noVscode = { name: 'vscode', message: 'extension/src/core stays free of vscode: put editor code in extension/src/features.' };
const noSsh2 = { name: 'ssh2', message: 'Only extension/src/ssh/ssh-transport.ts imports ssh2.' };

/**
 * The agent imports node:*, its own files, and (type-only) the generated schema types, plus the generated protocol version. Relative paths are checked per
 * directory depth: from agent/src/<d dirs>/x.ts, d+1 `../` leave agent/src.
 */
function agentBoundaries(depth) {
  const up = `(\\.\\./){${depth + 1}}`;
  return {
    files: [`agent/src/${'*/'.repeat(depth)}*.ts`],
    rules: {
      [restricted]: [
        'error',
        {
          patterns: [
            { regex: '^(?!node:|\\.\\.?/)', message: 'The agent has no dependency: use node:* modules or its own files.' },
            { regex: `^${up}(?!\\.\\./schemas/generated/)`, message: 'The agent imports only its own files and the generated schema types.' },
            {
              // protocol-version is plain constants (the version kept in the protocol schema): a value import is fine.
              regex: `^${up}\\.\\./schemas/generated/(?!protocol-version$)`,
              allowTypeImports: true,
              message: 'The agent imports the generated schema types with `import type` only.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'] > Literal:not([value=/^node:/])",
          message: 'The agent requires only node:* modules.',
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'tools/', 'schemas/generated/', 'extension/src/core/generated-validators/', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['extension/src/**/*.ts'], ignores: ['extension/src/ssh/ssh-transport.ts'], rules: { [restricted]: ['error', { paths: [noSsh2] }] } },
  { files: ['extension/src/core/**/*.ts'], rules: { [restricted]: ['error', { paths: [noVscode, noSsh2] }] } },
  ...[0, 1, 2, 3].map(agentBoundaries),
);
