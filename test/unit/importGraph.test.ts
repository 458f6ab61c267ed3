import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relative, repoRoot, sourceFiles } from './sourceFiles';

/**
 * The shape of main, checked on the import graph of `src` (every relative import, type-only ones
 * included, since a type cycle is still two modules that cannot be understood apart):
 * - no import cycles anywhere in src;
 * - services sit below the transports: they never import handlers, the router, the service
 *   registry or the composition root;
 * - handlers and `core.ts` reach a domain only through its entry file (`services/<domain>/index.ts`);
 * - a handler maps a route to a service call: no transaction and no SQL of its own.
 * See docs/architecture.md.
 */

const SPECIFIER =
  /\b(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

const EXTENSIONS = ['.ts', '.tsx'];

type Graph = Map<string, string[]>;

/** The file a relative specifier names, or null (a package, a stylesheet, package.json). */
function resolveImport(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => EXTENSIONS.includes(path.extname(c)) && fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

function buildGraph(dir: string): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(dir, EXTENSIONS)) {
    const source = fs.readFileSync(file, 'utf8');
    const targets = [...source.matchAll(SPECIFIER)]
      .map((m) => resolveImport(file, m[1] ?? m[2] ?? m[3] ?? ''))
      .filter((t): t is string => t !== null);
    graph.set(relative(file), [...new Set(targets.map(relative))]);
  }
  return graph;
}

/** Every cycle's strongly connected component (Tarjan), each as a sorted list of files. */
export function cyclesOf(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

const graph = buildGraph('src');
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

const SERVICES = 'src/main/services/';
const HANDLERS = 'src/main/handlers/';

describe('import graph of src', () => {
  it('finds cycles when there are some (the detector works)', () => {
    const sample: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a', 'd']],
      ['e', ['a']],
    ]);
    expect(cyclesOf(sample)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('reads the whole tree, type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('src/main/router.ts')).toContain('src/main/identity.ts');
    expect(graph.get('src/shared/contract/types.ts')).toContain('src/shared/contract/allRoutes.ts');
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('keeps services below the transports', () => {
    const above = [HANDLERS, 'src/main/router.ts', 'src/main/serviceRegistry.ts', 'src/main/core.ts', 'src/main/coreApi.ts', 'src/main/electron/'];
    const offenders = edges.filter((e) => e.from.startsWith(SERVICES) && above.some((a) => e.to.startsWith(a)));
    expect(offenders).toEqual([]);
  });

  it('lets handlers and the composition root reach a domain only through its entry file', () => {
    const callers = (file: string) => file.startsWith(HANDLERS) || file === 'src/main/core.ts' || file === 'src/main/serviceRegistry.ts';
    const offenders = edges.filter((e) => callers(e.from) && e.to.startsWith(SERVICES) && !/^src\/main\/services\/[^/]+\/index\.ts$/.test(e.to));
    expect(offenders).toEqual([]);
  });

  it('gives every domain folder an entry file that says what the domain offers', () => {
    const domains = fs.readdirSync(path.join(repoRoot, SERVICES), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(domains.map((d) => d.name).sort()).toEqual(['accounts', 'app', 'audit', 'drafts', 'gemini', 'jobs', 'media', 'quotas', 'settings']);
    for (const domain of domains) {
      const entry = path.join(repoRoot, SERVICES, domain.name, 'index.ts');
      expect(fs.existsSync(entry), `${domain.name}/index.ts`).toBe(true);
      expect(fs.readFileSync(entry, 'utf8').trimStart().startsWith('/**'), `${domain.name}/index.ts starts with a doc comment`).toBe(true);
    }
  });

  it('keeps transactions and SQL out of handlers', () => {
    const offenders = sourceFiles(HANDLERS, ['.ts']).flatMap((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return ['.transaction(', 'withWriteTx', '$client', '.prepare(', 'sql`', 'drizzle-orm', 's.schema', '../db/']
        .filter((p) => source.includes(p))
        .map((p) => `${relative(file)}: ${p}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps raw SQL in repositories', () => {
    // Files allowed to reach the connection itself: the database module, repositories (the SQL the
    // query builder cannot write: full-text search, UNION ALL plans) and their statement cache.
    const allowed = (file: string) =>
      file.startsWith('src/main/db/') || file.endsWith('Repository.ts') || file === 'src/main/services/media/statementCache.ts';
    const offenders = sourceFiles('src/main', ['.ts'])
      .map(relative)
      .filter((file) => !allowed(file))
      .filter((file) => fs.readFileSync(path.join(repoRoot, file), 'utf8').includes('$client'));
    expect(offenders).toEqual([]);
  });
});
