/** The folder tree reads as the architecture only if imports between folders run one way. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles, folderGraph } from './folderGraph';

const repository = resolve(__dirname, '../../..');

describe('folders of src', () => {
  it('import each other without a cycle', () => {
    expect(folderCycles(folderGraph(resolve(repository, 'src'), repository))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a/x.ts → ../b/y']])],
      ['b', new Map([['c', 'b/y.ts → ../c/z']])],
      ['c', new Map([['a', 'c/z.ts → ../a/x']])],
      ['d', new Map([['a', 'd/w.ts → ../a/x']])],
    ]);
    expect(folderCycles(graph)).toHaveLength(1);
    expect(folderCycles(graph)[0]).toHaveLength(3);
  });

  it('is not confused by a folder the others do not reach', () => {
    expect(folderCycles(folderGraph(resolve(repository, 'src/core/random'), repository))).toEqual([]);
  });
});
