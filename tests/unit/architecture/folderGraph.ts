/**
 * The import graph of `src` between folders: which folder imports which, and through which file. Read
 * from the sources' import statements (static, dynamic and type-only alike: a type is a dependency too).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** `from` folder → `to` folder → one import that makes the edge, e.g. `src/core/model/model.ts → ../../train/trainer`. */
export type FolderGraph = Map<string, Map<string, string>>;

const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:\bfrom|\bimport\(?|\bnew URL\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : SOURCE.test(name) ? [path] : [];
  });
}

function resolveImport(fromFile: string, specifier: string): string | null {
  for (const extension of EXTENSIONS) {
    const candidate = resolve(dirname(fromFile), specifier + extension);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this extension
    }
  }
  return null;
}

/** Builds the folder graph of every `.ts`/`.tsx` file under `root` (paths in it are relative to `base`). */
export function folderGraph(root: string, base: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(root)) {
    const from = relative(base, dirname(file));
    if (!graph.has(from)) graph.set(from, new Map());
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, specifier);
      if (!target) continue;
      const to = relative(base, dirname(target));
      if (to !== from && !graph.get(from)!.has(to)) graph.get(from)!.set(to, `${relative(base, file)} → ${specifier}`);
    }
  }
  return graph;
}

/** Every strongly connected group of two or more folders (Tarjan), each as the edges that close it. */
export function folderCycles(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) groups.push(group);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) =>
    group.flatMap((from) => [...(graph.get(from) ?? [])].filter(([to]) => group.includes(to)).map(([to, via]) => `${from} → ${to} (${via})`)),
  );
}
