// Imports point one way. No file imports itself back through other files, and no top-level folder of src/
// (files directly in src/ count as one folder, "root") imports itself back through other folders.
// Type-only imports count: a cycle through types still ties the two sides together.
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));
const tsConfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/** The top-level folder of a file under src/, or "root" for the files directly in src/. */
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : 'root');

/** Strongly connected components (Tarjan) with more than one node: each is a set of nodes that import each other. */
function cyclicGroups(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
}

describe('import cycles in src/', () => {
  let files: Record<string, string[]>;
  let fileCycles: string[][];
  let skipped: string[];

  beforeAll(async () => {
    const result = await madge(srcDir, {
      fileExtensions: ['ts'],
      tsConfig,
      // Unit tests next to the code import the test helpers, which build the whole app: not part of what runs.
      excludeRegExp: [/\.test\.ts$/],
    });
    files = result.obj();
    fileCycles = result.circular();
    skipped = result.warnings().skipped;
  }, 60_000);

  it('reads the whole graph (every import resolved)', () => {
    expect(skipped).toEqual([]);
    expect(files['app.ts']).toContain('services/services.ts');
  });

  it('has no cycle between files', () => {
    const described = fileCycles.map((cycle) => [...cycle, cycle[0]].join(' → '));
    expect(described, `import cycles between files:\n${described.join('\n')}`).toEqual([]);
  });

  it('has no cycle between top-level folders', () => {
    const folders = new Map<string, Set<string>>();
    /** The imports behind each folder-to-folder edge, to name them when a cycle is found. */
    const imports = new Map<string, string[]>();
    for (const [file, deps] of Object.entries(files)) {
      for (const dep of deps) {
        const [from, to] = [folderOf(file), folderOf(dep)];
        if (from === to) continue;
        if (!folders.has(from)) folders.set(from, new Set());
        folders.get(from)!.add(to);
        const edge = `${from} → ${to}`;
        imports.set(edge, [...(imports.get(edge) ?? []), `${file} → ${dep}`]);
      }
    }
    const described = cyclicGroups(folders).map((group) => {
      const edges = [...imports.keys()].filter((edge) => edge.split(' → ').every((folder) => group.includes(folder)));
      const listed = (edge: string) => {
        const all = imports.get(edge)!;
        return all.slice(0, 3).join(', ') + (all.length > 3 ? ` and ${all.length - 3} more` : '');
      };
      return `${group.join(', ')} import each other:\n${edges.map((edge) => `  ${edge}: ${listed(edge)}`).join('\n')}`;
    });
    expect(described, `import cycles between folders of src/:\n${described.join('\n')}`).toEqual([]);
  });
});
