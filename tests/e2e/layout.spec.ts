/**
 * Layout check on every screen at 100 % (1366×768) and 125 % Windows scaling
 * (1093×614 CSS px), with a realistic office: 55 units with long real names, a year
 * half done (levels, evidence, a sample), SKM and Ombudsman data. Each screen must not
 * scroll sideways, its key controls must not overlap, and text that does not fit must
 * end in an ellipsis instead of being hard-cut. Screenshots go to tests/e2e/screenshots.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dispatch } from '../../src/server/api/dispatch';
import { createHandlers } from '../../src/server/api/handlers';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { EvidenceStatus } from '../../src/shared/types';
import { expect, isoInDays, screenshot, SCREENSHOT_DIR, test, type AppFixture } from './fixtures';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXTRA_UNITS = [
  ...['Depok', 'Mlati', 'Gamping', 'Ngaglik', 'Godean', 'Moyudan', 'Minggir', 'Seyegan', 'Tempel', 'Turi', 'Pakem', 'Cangkringan'].map((name) => ({ name: `Kecamatan ${name}`, shortName: `Kec. ${name}`, group: 'Kecamatan' })),
  ...['Depok I', 'Depok II', 'Mlati II', 'Gamping I', 'Ngaglik I', 'Godean II', 'Berbah', 'Kalasan', 'Prambanan', 'Sleman'].map((name) => ({ name: `UPTD Puskesmas ${name}`, shortName: `PKM ${name}`, group: 'Puskesmas' })),
];

interface Seeded {
  periodId: number;
  unitId: number;
}

async function seedOffice(app: AppFixture): Promise<Seeded> {
  const handlers = createHandlers(app.started, { host: 'preview' });
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Output<C>;
  };
  await call('settings:update', { operatorName: 'Rina Kurniasih, S.AP., M.Si.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const templates = await call('units:templates', undefined);
  await call('units:bulk-create', { names: templates.map((template) => template.name) });
  for (const unit of EXTRA_UNITS) await call('units:create', { name: unit.name, shortName: unit.shortName, groupName: unit.group, headName: null });
  const units = await call('units:list', {});
  expect(units.length).toBe(55);
  const bkpsdm = units.find((unit) => unit.name.startsWith('Badan Kepegawaian dan Pengembangan'))!;
  await call('units:update', { id: bkpsdm.id, name: bkpsdm.name, shortName: bkpsdm.shortName, groupName: bkpsdm.groupName, headName: 'Dr. Ir. Sri Rahayu Widyaningsih, M.Si.' });

  const instruments = await call('instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const all = units.map((unit) => unit.id);
  const previous = await call('periods:create', { year: 2025, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: '2025-10-31', unitIds: all });
  const current = await call('periods:create', { year: 2026, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: isoInDays(40), unitIds: all });
  const sample = [bkpsdm.id, ...all.filter((unitId) => unitId !== bkpsdm.id).slice(0, 7)];
  await call('periods:set-sample', { periodId: current.id, unitIds: all, sample: false });
  await call('periods:set-sample', { periodId: current.id, unitIds: sample, sample: true });

  const assessment = await call('assessment:get', { periodId: current.id, unitId: all[0]! });
  const indicators = assessment.aspects.flatMap((aspect) => aspect.indicators);
  const statuses: EvidenceStatus[] = ['terverifikasi', 'menunggu_verifikasi', 'perlu_perbaikan'];
  // Half the year done: the first ~60 % of units have levels, a third of those are verified.
  for (const [index, unitId] of all.entries()) {
    if (index % 5 >= 3 && unitId !== bkpsdm.id) continue;
    const next = random(index + 11);
    const quality = 1.5 + next() * 3.3;
    for (const indicator of indicators) {
      const level = Math.max(0, Math.min(5, Math.round(quality + (next() - 0.5) * 2.4)));
      if (next() < 0.25) continue;
      await call('assessment:set', { periodId: current.id, unitId, indicatorCode: indicator.code, level });
      if (index % 3 === 0) await call('assessment:set', { periodId: current.id, unitId, indicatorCode: indicator.code, level: Math.max(0, level - (next() < 0.3 ? 1 : 0)), verified: true });
      await call('assessment:set', { periodId: previous.id, unitId, indicatorCode: indicator.code, level: Math.max(0, level - 1) });
    }
    if (index % 2 === 1 && unitId !== bkpsdm.id) continue;
    const checklist = await call('checklist:get', { periodId: current.id, unitId });
    for (const instrument of checklist.instruments) {
      for (const requirement of instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements))) {
        const roll = next();
        if (roll > 0.55) continue;
        const status = statuses[roll < 0.3 ? 0 : roll < 0.45 ? 1 : 2]!;
        const key = { periodId: current.id, unitId, instrumentId: instrument.instrumentId, requirementCode: requirement.code };
        if (status !== 'perlu_perbaikan') await call('evidence:link', { ...key, url: `https://drive.google.com/drive/folders/${unitId}-${requirement.code}`, title: `Dokumen ${requirement.code} tahun 2026 (Google Drive)`, documentDate: '2026-03-02' });
        await call('checklist:set-status', { ...key, status, ...(status === 'perlu_perbaikan' ? { reason: 'Tanda tangan kepala unit dan stempel dinas belum ada pada dokumen' } : {}) });
      }
    }
  }
  for (const [index, unitId] of sample.entries()) await call('ombudsman:set-inputs', { periodId: current.id, unitId, trust: 62.5 + index * 4.1, followedUp: index % 2 === 0 });
  await call('ombudsman:save-product', {
    periodId: current.id,
    unitId: bkpsdm.id,
    name: 'Layanan Kenaikan Pangkat dan Pensiun Aparatur Sipil Negara',
    targetRespondents: 30,
    gathered: 12,
    surveyLink: 'https://s.id/survei-bkpsdm-2026',
    contactsRequired: 15,
    contactsCount: 9,
    contactsEvidence: '',
  });
  await call('ombudsman:save-finding', {
    periodId: current.id,
    unitId: bkpsdm.id,
    sourceYear: 2025,
    kind: 'saran',
    text: 'Maklumat pelayanan belum dipajang di ruang tunggu dan belum ditandatangani kepala badan.',
    deadline: isoInDays(20),
    status: 'proses',
    evidence: '',
  });
  const survey = await call('skm:survey-save', { unitId: bkpsdm.id, serviceName: 'Layanan Kenaikan Pangkat dan Pensiun Aparatur Sipil Negara', year: 2026, semester: 0, population: 2400 });
  await call('skm:counts-set', { surveyId: survey.id, respondents: 331, counts: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [3, 28 + i * 3, 180 - i * 4, 120 + i]])) });
  return { periodId: current.id, unitId: bkpsdm.id };
}

interface LayoutProblem {
  kind: 'overflow' | 'overlap' | 'cut';
  detail: string;
}

/**
 * Runs in the page. Horizontal overflow of the document and of the main pane; pairs of
 * visible key controls whose boxes intersect without one containing the other; text
 * boxes whose content is wider than the box but not ended with an ellipsis.
 */
function inspectLayout(): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push({ kind: 'overflow', detail: `document ${root.scrollWidth} > ${root.clientWidth}` });
  const main = document.querySelector<HTMLElement>('#konten');
  if (!main) return [{ kind: 'overflow', detail: 'no #konten' }];
  if (main.scrollWidth > main.clientWidth + 1) problems.push({ kind: 'overflow', detail: `main ${main.scrollWidth} > ${main.clientWidth}` });

  const describe = (element: Element) => {
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    return `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${text}"`;
  };
  const visible = (element: Element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const rect = element.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2) return false;
    // Visually-hidden inputs (custom checkboxes) and clipped off-screen content.
    if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') return false;
    return true;
  };
  // Elements scrolled out of view inside a scroll container are not on screen.
  const clippedAway = (element: Element) => {
    const rect = element.getBoundingClientRect();
    for (let parent: HTMLElement | null = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const box = parent.getBoundingClientRect();
      if (rect.bottom <= box.top + 1 || rect.top >= box.bottom - 1 || rect.right <= box.left + 1 || rect.left >= box.right - 1) return true;
    }
    return false;
  };
  const key = [...main.querySelectorAll('button, a.btn, input:not([type=hidden]), select, textarea, h1, h2, h3, .badge, .chip, [class*="chip"], [class*="badge"], [class*="tag-"], [class*="__bar"]')].filter(
    (element) => visible(element) && !clippedAway(element),
  );
  const boxes = key.map((element) => ({ element, rect: element.getBoundingClientRect() }));
  const tolerance = 1;
  const intersects = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;
  // What is actually drawn inside a control: its text runs and leaf elements. A row-wide
  // button with actions laid over its empty right side is fine; text under an icon is not.
  const inkOf = (element: Element): DOMRect[] => {
    const rects: DOMRect[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!(node.textContent ?? '').trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...range.getClientRects());
      } else if (node !== element && (node as Element).children.length === 0 && visible(node as Element)) {
        rects.push((node as Element).getBoundingClientRect());
      }
    }
    return rects.length > 0 ? rects : [element.getBoundingClientRect()];
  };
  const mostlyInside = (inner: DOMRect, outer: DOMRect) => {
    const width = Math.max(0, Math.min(inner.right, outer.right) - Math.max(inner.left, outer.left));
    const height = Math.max(0, Math.min(inner.bottom, outer.bottom) - Math.max(inner.top, outer.top));
    return (width * height) / (inner.width * inner.height) >= 0.9;
  };
  const stickyOf = (element: Element): Element | null => {
    for (let node: Element | null = element; node && node !== main; node = node.parentElement) {
      const position = getComputedStyle(node).position;
      if (position === 'sticky' || position === 'fixed') return node;
    }
    return null;
  };
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      const overlapX = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const overlapY = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (overlapX <= tolerance || overlapY <= tolerance) continue;
      const contains = (outer: DOMRect, inner: DOMRect) =>
        inner.left >= outer.left - tolerance && inner.right <= outer.right + tolerance && inner.top >= outer.top - tolerance && inner.bottom <= outer.bottom + tolerance;
      if (contains(a.rect, b.rect) || contains(b.rect, a.rect)) continue;
      // Sticky headers cover the rows scrolling under them by design.
      if (stickyOf(a.element) !== stickyOf(b.element)) continue;
      // A control lying (almost) inside a larger one only collides where the larger one draws something.
      if (mostlyInside(b.rect, a.rect) && !inkOf(a.element).some((one) => intersects(one, b.rect))) continue;
      if (mostlyInside(a.rect, b.rect) && !inkOf(b.element).some((one) => intersects(one, a.rect))) continue;
      problems.push({ kind: 'overlap', detail: `${describe(a.element)} × ${describe(b.element)} (${Math.round(overlapX)}×${Math.round(overlapY)} px)` });
    }
  }

  // Inner panes must not scroll sideways either (a wide table in a scroll box is still sideways scrolling).
  for (const element of main.querySelectorAll<HTMLElement>('*')) {
    if (element.matches('input, textarea, select') || !visible(element)) continue;
    const style = getComputedStyle(element);
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1) {
      problems.push({ kind: 'overflow', detail: `${describe(element)} scrolls sideways ${element.scrollWidth} > ${element.clientWidth}` });
    }
  }

  // A badge, chip or button sticking out of its card, or cut by a clipping parent.
  for (const element of key) {
    const rect = element.getBoundingClientRect();
    // The nearest drawn box around it (a border or its own background): a card, a panel, a bar.
    let card: Element | null = null;
    for (let parent: HTMLElement | null = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      const bordered = parseFloat(style.borderLeftWidth) > 0 && parseFloat(style.borderRightWidth) > 0;
      if (bordered || style.backgroundColor !== 'rgba(0, 0, 0, 0)') {
        card = parent;
        break;
      }
    }
    if (card && card !== element && main.contains(card)) {
      const box = card.getBoundingClientRect();
      if (rect.right > box.right + 1 || rect.left < box.left - 1) problems.push({ kind: 'cut', detail: `${describe(element)} sticks out of ${describe(card).slice(0, 60)}` });
    }
    for (let parent: HTMLElement | null = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX !== 'hidden' && style.overflowX !== 'clip') continue;
      const box = parent.getBoundingClientRect();
      // An ellipsis on the parent cannot help a badge or button: it is simply cut.
      if (rect.right > box.right + 1 && rect.left < box.right - 1) problems.push({ kind: 'cut', detail: `${describe(element)} cut by ${describe(parent).slice(0, 60)}` });
      break;
    }
  }

  // Selects show their chosen option: a long unit name must end in an ellipsis, not be cut.
  const canvas = document.createElement('canvas').getContext('2d')!;
  for (const select of main.querySelectorAll<HTMLSelectElement>('select')) {
    if (!visible(select) || clippedAway(select)) continue;
    const style = getComputedStyle(select);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = select.selectedOptions[0]?.textContent ?? '';
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (canvas.measureText(text).width > room + 1 && style.textOverflow !== 'ellipsis') problems.push({ kind: 'cut', detail: `${describe(select).slice(0, 40)} shows "${text.slice(0, 60)}" cut` });
  }

  for (const element of main.querySelectorAll<HTMLElement>('*')) {
    if (!visible(element) || clippedAway(element)) continue;
    const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim().length > 0);
    if (!hasText) continue;
    const style = getComputedStyle(element);
    if (element.scrollWidth <= element.clientWidth + 1 || element.clientWidth === 0) continue;
    if (style.overflowX === 'visible') {
      // Unwrapped text running out of its own box (into a divider or the next column).
      if (style.whiteSpace === 'nowrap' || style.whiteSpace === 'pre') problems.push({ kind: 'cut', detail: `${describe(element)} spills out of its box` });
      continue;
    }
    if (style.overflowX !== 'hidden' && style.overflowX !== 'clip') continue;
    // An ellipsis only works on text in a block line box, not on text directly in a flex or grid box.
    const lineBox = !/flex|grid/.test(style.display);
    if (style.textOverflow === 'ellipsis' && lineBox) continue;
    if (element.matches('input, textarea, select')) continue;
    problems.push({ kind: 'cut', detail: describe(element) });
  }
  return problems;
}

const SIZES = [
  { label: '100', width: 1366, height: 768 },
  { label: '125', width: 1093, height: 614 },
] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await expect(page.locator('#konten .loading, #konten [aria-busy="true"]')).toHaveCount(0);
  // Virtual lists re-measure their rows a frame or two later: wait until nothing moves.
  await page.evaluate(async () => {
    const signature = () =>
      [...document.querySelectorAll('#konten button, #konten [class*="chip"], #konten [role="row"]')]
        .map((element) => {
          const rect = element.getBoundingClientRect();
          return `${Math.round(rect.left)},${Math.round(rect.top)},${Math.round(rect.width)},${Math.round(rect.height)}`;
        })
        .join(';');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    let last = '';
    let still = 0;
    for (let attempt = 0; attempt < 120 && still < 8; attempt += 1) {
      await frame();
      const now = signature();
      still = now === last ? still + 1 : 0;
      last = now;
    }
  });
}

test('every screen fits 1366×768 and 1093×614 without sideways scroll, overlap or hard-cut text', async ({ app, page, consoleErrors }) => {
  test.setTimeout(240_000);
  const { unitId } = await seedOffice(app);
  const screens: Array<{ name: string; path: string; heading: RegExp }> = [
    { name: 'beranda', path: '/', heading: /Beranda/ },
    { name: 'unit', path: '/unit', heading: /^Unit/ },
    { name: 'profil-unit', path: `/unit/${unitId}`, heading: /Badan Kepegawaian/ },
    { name: 'tahun', path: '/tahun', heading: /Tahun Penilaian/ },
    { name: 'daftar-periksa', path: `/daftar-periksa/${unitId}`, heading: /Daftar Periksa/ },
    { name: 'penilaian', path: `/penilaian/${unitId}`, heading: /Penilaian/ },
    { name: 'kesenjangan', path: '/kesenjangan', heading: /Kesenjangan/ },
    { name: 'kesenjangan-unit', path: `/kesenjangan/${unitId}`, heading: /Kesenjangan/ },
    { name: 'ombudsman', path: '/ombudsman', heading: /Ombudsman/ },
    { name: 'ombudsman-unit', path: `/ombudsman/${unitId}`, heading: /Ombudsman/ },
    { name: 'skm', path: `/skm/${unitId}`, heading: /SKM|Survei/ },
    { name: 'kiriman', path: '/kiriman', heading: /Kiriman/ },
    { name: 'ekspor', path: '/ekspor', heading: /Ekspor/ },
    { name: 'pengingat', path: '/pengingat', heading: /Pengingat|Dokumen/ },
    { name: 'instrumen', path: '/instrumen', heading: /Instrumen/ },
    { name: 'pengaturan', path: '/pengaturan', heading: /Pengaturan/ },
    { name: 'cadangan', path: '/pengaturan/cadangan', heading: /Cadangan/ },
    { name: 'bantuan', path: '/bantuan', heading: /Bantuan/ },
  ];
  const periods = await (async () => {
    const handlers = createHandlers(app.started, { host: 'preview' });
    const result = await dispatch(handlers, 'periods:list', undefined);
    return result.ok ? (result.value as Array<{ id: number; year: number }>) : [];
  })();
  const current = periods.find((period) => period.year === 2026);
  if (current) screens.splice(4, 0, { name: 'tahun-detail', path: `/tahun/${current.id}`, heading: /Tahun Penilaian 2026/ });

  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const screen of screens) {
      await page.goto(`${app.url}#${screen.path}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(screen.heading);
      await settle(page);
      const problems = await page.evaluate(inspectLayout);
      for (const problem of problems) found.push(`${screen.name} @${size.label}%: ${problem.kind} ${problem.detail}`);
      await screenshot(page, `layout-${screen.name}-${size.label}-full`);
      // What the user sees first, at the real pixel size.
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `layout-${screen.name}-${size.label}.png`) });
    }
  }
  // 125 % with the menu widened by the user (it starts as icons there): the busiest screens still fit.
  await page.getByRole('button', { name: 'Lebarkan menu' }).click();
  await expect(page.getByRole('button', { name: 'Ciutkan menu' })).toBeVisible();
  for (const screen of screens.filter((item) => ['beranda', 'daftar-periksa', 'penilaian', 'kesenjangan-unit', 'unit'].includes(item.name))) {
    await page.goto(`${app.url}#${screen.path}`);
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(screen.heading);
    await settle(page);
    for (const problem of await page.evaluate(inspectLayout)) found.push(`${screen.name} @125% menu lebar: ${problem.kind} ${problem.detail}`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `layout-${screen.name}-125-menu.png`) });
  }
  expect(found).toEqual([]);

  // A blank pemda name is refused on its field, never "Pengaturan disimpan".
  await page.goto(`${app.url}#/pengaturan`);
  const name = page.getByLabel('Nama pemerintah daerah');
  await name.fill('   ');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Nama pemerintah daerah wajib diisi.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Pengaturan disimpan')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Nama pemerintah daerah')).toHaveValue('Kabupaten Sleman');
  expect(consoleErrors).toEqual([]);
});
