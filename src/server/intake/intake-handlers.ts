/** The intake channels, spread into the host's handler table. */
import type { Handlers } from '../../shared/contract';
import type { AppBackups } from '../backup/app-backups';
import type { ServerContext } from '../context';
import type { JobRunner } from '../jobs/job-runner';
import type { Platform } from '../platform';
import { createIntakeService } from './intake-service';

type IntakeHandlers = Pick<Handlers, 'intake:status' | 'intake:set-folder' | 'intake:export' | 'intake:scan' | 'intake:inbox' | 'intake:apply'>;

export function createIntakeHandlers(app: { ctx: ServerContext; jobs: JobRunner; backups: AppBackups }, platform: Platform, host: 'electron' | 'preview' | 'cli'): IntakeHandlers {
  const service = createIntakeService({ ctx: app.ctx, jobs: app.jobs, backups: app.backups, platform, watch: host !== 'cli' });
  return {
    'intake:status': (input) => service.status(input.periodId),
    'intake:set-folder': (input) => service.setFolder(input),
    'intake:export': (input) => service.startExport(input),
    'intake:scan': (input) => service.startScan(input),
    'intake:inbox': (input) => service.inbox(input.periodId),
    'intake:apply': (input) => service.startApply(input),
  };
}
