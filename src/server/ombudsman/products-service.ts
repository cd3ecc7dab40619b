/**
 * Service products (produk layanan) of a unit and their survey tracker per year: the
 * target respondents and the user-contact minimum come from the year's Ombudsman
 * instrument (editable data) and can be changed per product.
 */
import { enteredMean, surveyProgress } from '../../core/ombudsman/follow-up';
import type { ParsedInput } from '../../shared/contract';
import type { ProductSurvey, UnitProducts } from '../../shared/channels/ombudsman';
import { AppError } from '../../shared/result';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { ombudsmanYear, surveyDefaults } from './ombudsman-context';

interface ProductRow {
  id: number;
  name: string;
  target_respondents: number | null;
  gathered: number | null;
  survey_link: string | null;
  contacts_required: number | null;
  contacts_count: number | null;
  contacts_evidence: string | null;
  trust_result: number | null;
  perception_result: number | null;
  updated_at: string | null;
  has_survey: number;
}

function productsRepository(db: Db) {
  return {
    ofUnit: db.prepare<[number, number], ProductRow>(
      `SELECT p.id, p.name, s.target_respondents, s.gathered, s.survey_link, s.contacts_required, s.contacts_count,
              s.contacts_evidence, s.trust_result, s.perception_result, s.updated_at, s.period_id IS NOT NULL AS has_survey
       FROM service_products p LEFT JOIN product_surveys s ON s.product_id = p.id AND s.period_id = ?
       WHERE p.unit_id = ? AND p.archived_at IS NULL ORDER BY p.id`,
    ),
    owner: db.prepare<[number], { unit_id: number; archived_at: string | null }>('SELECT unit_id, archived_at FROM service_products WHERE id = ?'),
    insert: db.prepare('INSERT INTO service_products (unit_id, name, created_at) VALUES (?, ?, ?)'),
    rename: db.prepare('UPDATE service_products SET name = ? WHERE id = ?'),
    archive: db.prepare('UPDATE service_products SET archived_at = ? WHERE id = ?'),
    upsertSurvey: db.prepare(
      `INSERT INTO product_surveys (period_id, product_id, target_respondents, gathered, survey_link, contacts_required, contacts_count, contacts_evidence,
         trust_result, perception_result, updated_at)
       VALUES (@periodId, @productId, @targetRespondents, @gathered, @surveyLink, @contactsRequired, @contactsCount, @contactsEvidence,
         @trustResult, @perceptionResult, @now)
       ON CONFLICT DO UPDATE SET target_respondents = excluded.target_respondents, gathered = excluded.gathered,
         survey_link = excluded.survey_link, contacts_required = excluded.contacts_required, contacts_count = excluded.contacts_count,
         contacts_evidence = excluded.contacts_evidence, trust_result = excluded.trust_result,
         perception_result = excluded.perception_result, updated_at = excluded.updated_at`,
    ),
    /** Every active product of the year's units with this year's survey row (overview). */
    ofPeriod: db.prepare<[number, number], ProductRow & { unit_id: number }>(
      `SELECT p.unit_id, p.id, p.name, s.target_respondents, s.gathered, s.survey_link, s.contacts_required, s.contacts_count,
              s.contacts_evidence, s.trust_result, s.perception_result, s.updated_at, s.period_id IS NOT NULL AS has_survey
       FROM service_products p JOIN period_units u ON u.unit_id = p.unit_id AND u.period_id = ?
       LEFT JOIN product_surveys s ON s.product_id = p.id AND s.period_id = ?
       WHERE p.archived_at IS NULL ORDER BY p.id`,
    ),
  };
}

const repo = (ctx: ServerContext) => memoFor(ctx.db, productsRepository);

function toProduct(row: ProductRow, defaults: ReturnType<typeof surveyDefaults>): ProductSurvey {
  // A product without a survey row this year shows the instrument's defaults.
  const facts = {
    targetRespondents: row.has_survey ? row.target_respondents : (defaults?.respondentsTarget ?? null),
    gathered: row.gathered ?? 0,
    surveyLink: row.survey_link ?? '',
    contactsRequired: row.has_survey ? row.contacts_required : (defaults?.contactsMin ?? null),
    contactsCount: row.contacts_count ?? 0,
    contactsEvidence: row.contacts_evidence ?? '',
  };
  return {
    productId: row.id,
    name: row.name,
    ...facts,
    trustResult: row.trust_result ?? null,
    perceptionResult: row.perception_result ?? null,
    updatedAt: row.updated_at,
    progress: surveyProgress(facts),
  };
}

/** Products of every unit of a year, grouped by unit (for the overview). */
export function productsOfPeriod(ctx: ServerContext, periodId: number, defaults: ReturnType<typeof surveyDefaults>): Map<number, ProductSurvey[]> {
  const byUnit = new Map<number, ProductSurvey[]>();
  for (const row of repo(ctx).ofPeriod.all(periodId, periodId)) {
    const list = byUnit.get(row.unit_id) ?? [];
    list.push(toProduct(row, defaults));
    byUnit.set(row.unit_id, list);
  }
  return byUnit;
}

export function unitProducts(ctx: ServerContext, input: ParsedInput<'ombudsman:products'>): UnitProducts {
  const { period, definition } = ombudsmanYear(ctx, input.periodId, input.unitId);
  const defaults = surveyDefaults(definition);
  const products = repo(ctx).ofUnit.all(period.id, input.unitId).map((row) => toProduct(row, defaults));
  return {
    periodId: period.id,
    year: period.year,
    unitId: period.unit.unitId,
    unitName: period.unit.unitName,
    defaults: defaults ? { respondentsTarget: defaults.respondentsTarget, contactsMin: defaults.contactsMin, productsPerUnit: defaults.productsPerUnit ?? null, note: defaults.note ?? null } : null,
    products,
    enteredMeans: { trust: enteredMean(products.map((item) => item.trustResult)), perception: enteredMean(products.map((item) => item.perceptionResult)) },
  };
}

function requireOwnProduct(ctx: ServerContext, productId: number, unitId: number): void {
  const owner = repo(ctx).owner.get(productId);
  if (!owner || owner.unit_id !== unitId || owner.archived_at) throw new AppError('NOT_FOUND', 'Produk layanan tidak ditemukan pada unit ini; muat ulang halaman.');
}

export function saveProduct(ctx: ServerContext, input: ParsedInput<'ombudsman:save-product'>): UnitProducts {
  ombudsmanYear(ctx, input.periodId, input.unitId);
  ctx.db
    .transaction(() => {
      const now = isoNow(ctx);
      let productId = input.productId;
      if (productId === undefined) productId = Number(repo(ctx).insert.run(input.unitId, input.name, now).lastInsertRowid);
      else {
        requireOwnProduct(ctx, productId, input.unitId);
        repo(ctx).rename.run(input.name, productId);
      }
      repo(ctx).upsertSurvey.run({
        periodId: input.periodId,
        productId,
        targetRespondents: input.targetRespondents,
        gathered: input.gathered,
        surveyLink: input.surveyLink,
        contactsRequired: input.contactsRequired,
        contactsCount: input.contactsCount,
        contactsEvidence: input.contactsEvidence,
        trustResult: input.trustResult,
        perceptionResult: input.perceptionResult,
        now,
      });
    })
    .immediate();
  return unitProducts(ctx, input);
}

/** Products are archived, not deleted: earlier years keep their survey records. */
export function removeProduct(ctx: ServerContext, input: ParsedInput<'ombudsman:remove-product'>): UnitProducts {
  ombudsmanYear(ctx, input.periodId, input.unitId);
  ctx.db
    .transaction(() => {
      requireOwnProduct(ctx, input.productId, input.unitId);
      repo(ctx).archive.run(isoNow(ctx), input.productId);
    })
    .immediate();
  return unitProducts(ctx, input);
}
