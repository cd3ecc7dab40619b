/** A unit and year to import SKM answers into (vitest only). */
import { testApp, testHandlers, type TestApi } from '../helpers';

export { FORM_HEADERS, FOUR_ROWS, formCsv, word, type FormRow } from './forms-csv';

export async function seedUnit(): Promise<{ api: TestApi; app: ReturnType<typeof testApp>; unitId: number; periodId: number }> {
  const app = testApp();
  const api = testHandlers(app);
  await api['settings:update']({ operatorName: 'Siti', localGovernmentName: 'Kabupaten Contoh', localGovernmentKind: 'kabupaten' });
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const unit = await api['units:create']({ name: 'Dinas Kependudukan dan Pencatatan Sipil', groupName: 'Perangkat Daerah', shortName: 'Disdukcapil', headName: 'Drs. Budi Santoso, M.Si.' });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id, ombudsman.id], deadline: '2026-12-04', unitIds: [unit.id] });
  return { api, app, unitId: unit.id, periodId: period.id };
}

export const upload = (name: string, text: string | Buffer) => ({ name, data: new Uint8Array(typeof text === 'string' ? Buffer.from(text, 'utf8') : text) });
