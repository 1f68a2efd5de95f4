// The layers of README's "Layout" are enforced: core compiles without DOM or Node types (core/tsconfig.json, run by
// `npm run typecheck`), and the lint rule layers/imports (eslint.config.mjs) reports imports that cross a layer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe("core's tsconfig", () => {
  it("has the globals that browsers, workers and Node share, and not the DOM's or Node's", () => {
    // The fixture is compiled with core's options from a temporary folder, so it is never in the tree.
    const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-layers-'));
    try {
      const fixture = [
        'export const started = performance.now();',
        'export const random = crypto.getRandomValues(new Uint8Array(4));',
        "export const text = atob('Y29yZQ==');",
        'export const title = document.title;',
        'export const home = process.env.HOME;',
      ];
      writeFileSync(path.join(dir, 'fixture.ts'), fixture.join('\n'));
      const tsconfig = {
        extends: path.join(root, 'core', 'tsconfig.json'),
        compilerOptions: { tsBuildInfoFile: path.join(dir, 'tsbuildinfo') },
        include: ['fixture.ts', path.join(root, 'core', '**', '*.d.ts')],
      };
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const result = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', dir], { encoding: 'utf8' });
      expect(result.status).not.toBe(0);
      expect(result.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/fixture\.ts\(4,\d+\): error TS\d+: Cannot find name 'document'/),
        expect.stringMatching(/fixture\.ts\(5,\d+\): error TS\d+: Cannot find name 'process'/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the layers/imports lint rule', () => {
  const eslint = new ESLint({ cwd: root });
  /** The rule's messages (and any parse error) for `code` linted as the repository file `file`. */
  const problems = async (code: string, file: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result.messages.filter((m) => m.fatal || m.ruleId === 'layers/imports').map((m) => m.message);
  };

  it('reports a core module importing from app/ or Node, but lets core import core', async () => {
    expect(await problems("import { useStudio } from '../app/lib/store';\n", 'core/fixture.ts')).toEqual([
      expect.stringContaining("'../app/lib/store' resolves to app/lib/store, outside core"),
    ]);
    expect(await problems("import { readFile } from 'node:fs/promises';\n", 'core/data/fixture.ts')).toEqual([
      expect.stringContaining("'node:fs/promises' runs only on Node"),
    ]);
    expect(await problems("import { rngFor } from '../rng';\n", 'core/data/fixture.ts')).toEqual([]);
  });

  it("reports a 'use client' module importing from server/, but not a server component", async () => {
    const imports = "import { Library } from '../../server/library/library';\n";
    expect(await problems(`'use client';\n${imports}`, 'app/library/Fixture.tsx')).toEqual([
      expect.stringContaining("'../../server/library/library' resolves to server/library/library"),
    ]);
    expect(await problems(imports, 'app/library/Fixture.tsx')).toEqual([]);
    expect(await problems("'use client';\nimport { MAX_NAME_LENGTH } from '../../shared/library/limits';\n", 'app/library/Fixture.tsx')).toEqual([]);
  });
});
