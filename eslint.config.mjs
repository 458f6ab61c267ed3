// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

/*
 * Layers (docs/architecture.md): imports only go down.
 *   src/shared    pure contract and domain, used on both sides: imports nothing of ours outside itself,
 *                 no Electron, no Node built-ins (it is bundled into the sandboxed page).
 *   src/renderer  a web page in a sandbox: imports only src/shared, no Electron, no Node.
 *   src/main      the core runs in plain Node (tests and the browser harness use it without the
 *                 Electron binary): only src/main/electron/ and src/main/index.ts may import electron.
 *   src/main/services  below the router: never imports handlers, the router or a transport.
 *   test/, bench/, scripts/ may import anything.
 */

const TSCONFIGS = ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'];
const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];

/** Our own code outside a layer, as import-x/no-restricted-paths `from` paths. */
const OUR_ROOTS = ['./src', './test', './bench', './scripts', './resources', './drizzle'];

const zones = [
  ...OUR_ROOTS.map((from) => ({
    target: './src/shared',
    from,
    ...(from === './src' ? { except: ['./shared'] } : {}),
    message: 'src/shared is the bottom layer: it imports nothing of ours outside src/shared.',
  })),
  ...OUR_ROOTS.map((from) => ({
    target: './src/renderer',
    from,
    ...(from === './src' ? { except: ['./renderer', './shared'] } : {}),
    message: 'The renderer talks to main only through the contract: it imports src/shared and nothing else of ours.',
  })),
  {
    target: './src/preload',
    from: ['./src/main', './src/renderer', './test', './bench'],
    message: 'The preload is a bundled bridge: it imports src/shared and electron only.',
  },
  {
    target: './src/main',
    from: ['./src/renderer', './src/preload', './test', './bench', './scripts'],
    message: 'Main never imports the renderer, the preload or test code.',
  },
  {
    // Also catches `await import('electron')` and `require('electron')`, which no-restricted-imports
    // does not see. The globs are src/main minus src/main/electron/ and src/main/index.ts.
    target: ['./src/shared', './src/renderer', './src/main/!(electron)/**', './src/main/!(index).ts'],
    from: './node_modules/electron',
    message: 'Only src/main/electron/, src/main/index.ts and the preload may import electron: the core must run in plain Node.',
  },
  {
    target: './src/main/services',
    from: ['./src/main/handlers', './src/main/router.ts', './src/main/electron', './src/main/index.ts', './test/harness'],
    message: 'Services sit below the router: no handlers, no router, no transport (Electron or the harness).',
  },
];

// Bare built-in names (fs, path, …) and their subpaths; `node:*` is caught by the pattern.
const BUILTINS = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));

const electronBan = {
  name: 'electron',
  message: 'Only src/main/electron/, src/main/index.ts and the preload may import electron: the core must run in plain Node.',
};
const remoteBan = [
  { name: 'electron', importNames: ['remote'], message: 'The remote module stays off.' },
  { name: '@electron/remote', message: 'The remote module stays off.' },
];

/** no-restricted-imports options: later configs replace earlier ones, so each layer states the full list. */
function restrictedImports({ electron, node }) {
  const paths = [...(electron ? [electronBan] : remoteBan.slice(0, 1)), remoteBan[1]];
  const patterns = [];
  if (electron) patterns.push({ group: ['electron/*'], message: electronBan.message });
  if (node) {
    patterns.push({ group: ['node:*'], message: 'No Node built-ins here: this code runs in the sandboxed page.' });
    paths.push(...BUILTINS.map((name) => ({ name, message: 'No Node built-ins here: this code runs in the sandboxed page.' })));
  }
  return ['error', { paths, patterns }];
}

/*
 * Electron hardening that must never be switched off by a later change (docs/electron-shell.md).
 * Ported from the old regex scan of src/: each entry is an AST selector and why it is refused.
 */
const hardening = [
  ['Property[key.name="webSecurity"][value.value=false]', 'webSecurity stays on.'],
  ['Property[key.name=/^nodeIntegration(InWorker|InSubFrames)?$/][value.value=true]', 'nodeIntegration stays off.'],
  ['Property[key.name="contextIsolation"][value.value=false]', 'contextIsolation stays on.'],
  ['Property[key.name="sandbox"][value.value=false]', 'The sandbox stays on.'],
  ['Identifier[name="allowRunningInsecureContent"]', 'Insecure content is never allowed.'],
  ['Property[key.name="webviewTag"][value.value=true]', 'The webview tag stays off.'],
  ['Identifier[name="experimentalFeatures"]', 'No experimental web features.'],
  ['Identifier[name="enableRemoteModule"]', 'The remote module stays off.'],
  ['MemberExpression[object.callee.name="require"][object.arguments.0.value="electron"][property.name="remote"]', 'The remote module stays off.'],
  ['Property[key.name="bypassCSP"][value.value=true]', 'No scheme bypasses the Content Security Policy.'],
  ['Literal[value="--no-sandbox"]', 'The sandbox is never switched off from the command line.'],
  ['CallExpression[callee.property.name="appendSwitch"][arguments.0.value="no-sandbox"]', 'The sandbox is never switched off from the command line.'],
  ['Literal[value=/ignore-certificate-errors/]', 'Certificate errors are never ignored.'],
  ['CallExpression[callee.property.name="on"][arguments.0.value="certificate-error"]', 'Certificate errors are never ignored.'],
  ['CallExpression[callee.property.name="exposeInMainWorld"][arguments.0.value!="studio"]', 'The preload exposes window.studio and nothing else.'],
].map(([selector, message]) => ({ selector, message }));

const ipcRegistration = [
  {
    selector: 'CallExpression[callee.object.name="ipcMain"][callee.property.name=/^(handle|handleOnce|on|once|addListener)$/]',
    message: 'IPC handlers are registered only in src/main/electron/ipcTransport.ts, which checks the sender first.',
  },
  {
    selector: 'CallExpression[callee.object.property.name="ipc"][callee.property.name=/^(handle|on)$/]',
    message: 'IPC handlers are registered only in src/main/electron/ipcTransport.ts, which checks the sender first.',
  },
];
const openExternal = {
  selector: 'CallExpression[callee.property.name="openExternal"], CallExpression[callee.name="openExternal"]',
  message: 'External URLs are opened only by the window factory, behind its allow-list.',
};
const dynamicElectron = {
  selector: 'ImportExpression[source.value=/^electron(\\u002F|$)/]',
  message: 'Only src/main/electron/, src/main/index.ts and the preload may import electron: the core must run in plain Node.',
};
const exposeOutsidePreload = {
  selector: 'CallExpression[callee.property.name="exposeInMainWorld"]',
  message: 'Only src/preload/index.ts exposes anything to the page.',
};

export default defineConfig(
  {
    ignores: ['out/**', 'release/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'drizzle/**', 'resources/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: TSCONFIGS,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `async` without `await` is deliberate here: it turns a synchronous throw into a rejection for
      // callers that expect a promise (router handlers, ports, fakes).
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a parameter or binding kept for its position, or dropped from a rest spread.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // `let x; … () => x …; x = …` is how a callback refers to something built after it.
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    files: JS_FILES,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without these import-x parses only .js files for no-cycle and friends, and sees no TS graph.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: TSCONFIGS, noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': restrictedImports({ electron: false, node: false }),
      'no-restricted-syntax': ['error', ...hardening, ...ipcRegistration, openExternal, exposeOutsidePreload],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/shared/**', 'src/renderer/**'],
    rules: {
      'no-restricted-imports': restrictedImports({ electron: true, node: true }),
      'no-restricted-syntax': ['error', ...hardening, ...ipcRegistration, openExternal, exposeOutsidePreload, dynamicElectron],
      // also sees `await import('node:fs')`
      'import-x/no-nodejs-modules': 'error',
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({ electron: true, node: false }),
      'no-restricted-syntax': ['error', ...hardening, ...ipcRegistration, openExternal, exposeOutsidePreload, dynamicElectron],
    },
  },
  {
    files: ['src/main/electron/ipcTransport.ts'],
    rules: { 'no-restricted-syntax': ['error', ...hardening, openExternal, exposeOutsidePreload] },
  },
  {
    files: ['src/main/electron/windowFactory.ts'],
    rules: { 'no-restricted-syntax': ['error', ...hardening, ...ipcRegistration, exposeOutsidePreload] },
  },
  {
    files: ['src/preload/index.ts'],
    rules: { 'no-restricted-syntax': ['error', ...hardening, ...ipcRegistration, openExternal] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // These report what stops the React Compiler from optimizing a component; the app is not built
      // with the compiler, and the patterns they flag (state reset when a key changes, the latest-value
      // ref read in render) are deliberate here. rules-of-hooks and exhaustive-deps stay on.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/preserve-manual-memoization': 'off',
      'react-hooks/incompatible-library': 'off',
      // React ignores what an event handler returns; the async handlers here settle their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests may import anything and drive fakes of Electron; the hardening selectors police src/ only
    // (this file spells them out, so it is exempt too).
    files: ['test/**', 'bench/**', 'scripts/**', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Component tests live beside their components but are tests: they render with the shared fake
    // bridge and helpers under test/renderer/, which the renderer's own code may never reach.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`, and
    // `data<T = any>()` unwraps envelopes: the no-unsafe-* family would flag every assertion.
    files: ['test/**', 'bench/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
);
