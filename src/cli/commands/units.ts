import { AppError } from '../../shared/result';
import { flag, requiredFlag, type ParsedArgs } from '../args';
import { table, type CliRuntime } from '../runtime';
import { unitHeadCommand } from './documents';

export async function unitsCommand(runtime: CliRuntime, action: string | undefined, args: ParsedArgs): Promise<void> {
  switch (action) {
    case 'add': {
      const unit = await runtime.call('units:create', {
        name: requiredFlag(args, 'name'),
        groupName: flag(args, 'group') ?? 'Perangkat Daerah',
        shortName: flag(args, 'short-name') ?? null,
        headName: flag(args, 'head') ?? null,
      });
      runtime.print(unit, () => `Unit "${unit.name}" ditambahkan dengan ID ${unit.id} (${unit.groupName}).`);
      return;
    }
    case 'list': {
      const units = await runtime.call('units:list', {
        includeArchived: args.booleans.has('include-archived'),
        ...(flag(args, 'search') ? { search: flag(args, 'search')! } : {}),
      });
      runtime.print(units, () =>
        table(
          ['ID', 'Nama', 'Singkatan', 'Kelompok', 'Status'],
          units.map((unit) => [unit.id, unit.name, unit.shortName, unit.groupName, unit.archived ? 'diarsipkan' : 'aktif']),
        ),
      );
      return;
    }
    case 'update':
      return unitHeadCommand(runtime, args);
    default:
      throw new AppError('VALIDATION', 'Perintah units: add --name … [--group …] | list | update UNIT --head … --nip … --phone ….');
  }
}
