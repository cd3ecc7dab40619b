import { AppError } from '../shared/result';

/** Parsed command line: positionals and --flags (repeatable flags collect all values). */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
  booleans: Set<string>;
}

/** Flags that take several values: `--add 3 4 5`. Others take exactly one. */
const MULTI_FLAGS = new Set(['add', 'remove', 'instrument', 'unit-ids']);

const BOOLEAN_FLAGS = new Set(['json', 'help', 'verified', 'self', 'dry-run', 'all', 'include-archived', 'sample', 'no-sample', 'yes', 'zip', 'overwrite-conflicts', 'force', 'start-empty']);

export function parseArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Map(), booleans: new Set() };
  let current: string | null = null;
  for (const arg of argv) {
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (BOOLEAN_FLAGS.has(name)) {
        parsed.booleans.add(name);
        current = null;
        continue;
      }
      if (!parsed.flags.has(name)) parsed.flags.set(name, []);
      if (inline !== undefined) {
        parsed.flags.get(name)!.push(inline);
        current = null;
      } else current = name;
      continue;
    }
    if (current) {
      parsed.flags.get(current)!.push(arg);
      if (!MULTI_FLAGS.has(current)) current = null;
    } else parsed.positionals.push(arg);
  }
  return parsed;
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}

export function requiredFlag(args: ParsedArgs, name: string): string {
  const value = flag(args, name);
  if (value === undefined || value === '') throw new AppError('VALIDATION', `Opsi --${name} wajib diisi.`);
  return value;
}

export function flagList(args: ParsedArgs, name: string): string[] {
  return args.flags.get(name) ?? [];
}

export function toId(value: string, label: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('VALIDATION', `${label} harus berupa ID angka positif, bukan "${value}".`);
  return id;
}
