import { isBuiltin } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';

// The layers of README's "Layout", checked on every import, export … from and import(). ESLint's no-restricted-imports
// only matches an import's text; this rule resolves it ('../app/x' leaves core from core/a.ts, not from core/data/a.ts)
// and can be limited to the modules that say 'use client'.
const repoRoot = import.meta.dirname;
/** Node's built-ins and the native SQLite driver: they do not exist in a browser. */
const isNodeOnly = (source) => isBuiltin(source) || source === 'better-sqlite3';
const isIn = (file, folders) => folders.some((folder) => file === folder || file.startsWith(`${folder}/`));

const layers = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Keeps each layer’s imports within what it may depend on' },
        schema: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['reason'],
            properties: {
              /** Check only modules that start with this directive ('use client'). */
              directive: { type: 'string' },
              /** Repository folders (or files, without extension) that the module's imports must stay in. */
              allow: { type: 'array', items: { type: 'string' } },
              /** Repository folders the module may not import from. */
              deny: { type: 'array', items: { type: 'string' } },
              /** Allow Node-only packages (tests, which run under vitest on Node). */
              node: { type: 'boolean' },
              /** Why, ending each message. */
              reason: { type: 'string' },
            },
          },
        ],
        messages: {
          outside: "'{{source}}' resolves to {{target}}, outside {{allowed}} ({{reason}})",
          denied: "'{{source}}' resolves to {{target}} ({{reason}})",
          nodeOnly: "'{{source}}' runs only on Node ({{reason}})",
        },
      },
      create(context) {
        const { directive, allow, deny = [], node = false, reason } = context.options[0];
        // The parser sets `directive` on the statements of the prologue only.
        if (directive && !context.sourceCode.ast.body.some((s) => s.directive === directive)) return {};
        const check = (sourceNode) => {
          if (sourceNode?.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
          const source = sourceNode.value;
          // Relative and '@/' (tsconfig paths) imports are files of this repository; anything else is a package.
          const resolved = source.startsWith('.')
            ? path.resolve(path.dirname(context.filename), source)
            : source.startsWith('@/')
              ? path.resolve(repoRoot, source.slice(2))
              : null;
          if (resolved === null) {
            if (!node && isNodeOnly(source)) context.report({ node: sourceNode, messageId: 'nodeOnly', data: { source, reason } });
            return;
          }
          const target = path.relative(repoRoot, resolved).split(path.sep).join('/');
          const data = { source, target, reason, allowed: allow?.join(', ') };
          if (allow && !isIn(target, allow)) context.report({ node: sourceNode, messageId: 'outside', data });
          else if (isIn(target, deny)) context.report({ node: sourceNode, messageId: 'denied', data });
        };
        return {
          ImportDeclaration: (n) => check(n.source),
          ExportNamedDeclaration: (n) => check(n.source),
          ExportAllDeclaration: (n) => check(n.source),
          ImportExpression: (n) => check(n.source),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'public/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    plugins: { layers },
  },
  {
    files: ['core/**/*.ts'],
    rules: { 'layers/imports': ['error', { allow: ['core'], reason: 'core runs unchanged in browsers, Web Workers and Node' }] },
  },
  {
    // Core's tests run only under vitest on Node: they may use Node, and read the shipped data with its asset loader.
    files: ['core/**/*.test.ts'],
    rules: {
      'layers/imports': ['error', { allow: ['core', 'workers/assets-node'], node: true, reason: "core's tests test core alone" }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'layers/imports': ['error', { allow: ['shared', 'core'], reason: "the studio's pages load shared/ in the browser" }],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'layers/imports': [
        'error',
        {
          directive: 'use client',
          deny: ['server'],
          reason: "'use client' modules are bundled for the browser; they reach the library through shared/ and its API",
        },
      ],
    },
  },
);
