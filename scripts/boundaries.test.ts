import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule is the enforcement of architecture.md's one-way imports; this proves it fires.
const eslint = new ESLint();

async function errorsFor(filePath: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries', () => {
  it.each([
    ['src/core/vault/x.ts', "import { a } from '../../background/state';"],
    ['src/core/vault/x.ts', "import { a } from '@/src/ui/store';"],
    ['src/core/rpc/x.ts', "import { a } from '../../messages/client';"],
    ['src/ui/x.ts', "import { a } from '../background/vault';"],
    ['src/messages/x.ts', "import { a } from '../ui/store';"],
    ['src/background/x.ts', "import { a } from '../ui/App';"],
  ])('%s may not import %s', async (file, source) => {
    expect(await errorsFor(file, `${source}\nexport const b = a;\n`)).toHaveLength(1);
  });

  it.each([
    ['src/ui/x.ts', "import { a } from '../messages/client';"],
    ['src/background/x.ts', "import { a } from '../core/vault/vault';"],
    ['src/messages/x.ts', "import { a } from '../core/rpc/errors';"],
  ])('%s may import %s', async (file, source) => {
    expect(await errorsFor(file, `${source}\nexport const b = a;\n`)).toHaveLength(0);
  });
});
