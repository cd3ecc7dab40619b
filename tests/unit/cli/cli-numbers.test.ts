import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { countText, megabytesText, numberText, percentText, progressText, table } from '../../../src/cli/runtime';
import { tempDir } from '../helpers';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: () => undefined });
  return { code, out };
}

describe('CLI plain text uses id-ID numbers (JSON keeps numbers)', () => {
  it('formats scores, counts, sizes and progress the Indonesian way', () => {
    expect(numberText(2.857)).toBe('2,86');
    expect(numberText(2026)).toBe('2026');
    expect(countText(1234)).toBe('1.234');
    expect(megabytesText(13_002_342)).toBe('12,4 MB');
    expect(percentText(12)).toBe('12,0%');
    expect(progressText(0.456, 'Menulis lembar')).toBe('45,6% Menulis lembar');
  });

  it('table cells that are numbers print with a decimal comma', () => {
    const text = table(['ID', 'Tahun', 'Indeks'], [[7, 2026, 2.86]]);
    expect(text.split('\n')[2]).toMatch(/^7\s+2026\s+2,86\s*$/);
    expect(text).not.toContain('2.86');
  });

  it('instruments show prints weights as 6,25% and never 6.25%', async () => {
    const dir = tempDir();
    const shown = await cli(dir, 'instruments', 'show', 'ombudsman-2013');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('(6,25%)');
    expect(shown.out).not.toMatch(/\d\.\d+%/);
    const json = await cli(dir, 'instruments', 'show', 'ombudsman-2013', '--json');
    expect(json.out).toContain('"weight": 6.25');
  });
});
