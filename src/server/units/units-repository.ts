import type { Db } from '../db/connection';
import type { Unit, UnitGroup } from '../../shared/types';

interface UnitRow {
  id: number;
  name: string;
  short_name: string | null;
  group_id: number;
  group_name: string;
  head_name: string | null;
  head_nip: string | null;
  head_rank: string | null;
  head_phone: string | null;
  head_email: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT_UNIT = `
  SELECT u.id, u.name, u.short_name, u.group_id, g.name AS group_name, u.head_name,
         u.head_nip, u.head_rank, u.head_phone, u.head_email, u.archived_at, u.created_at, u.updated_at
  FROM units u JOIN unit_groups g ON g.id = u.group_id`;

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    groupId: row.group_id,
    groupName: row.group_name,
    headName: row.head_name,
    headNip: row.head_nip,
    headRank: row.head_rank,
    headPhone: row.head_phone,
    headEmail: row.head_email,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface UnitValues {
  name: string;
  shortName: string | null;
  groupId: number;
  headName: string | null;
}

/** The head of a unit as letters and reminders need them. */
export interface UnitHead {
  headName: string | null;
  headNip: string | null;
  headRank: string | null;
  headPhone: string | null;
  headEmail: string | null;
}

/** Typed access to units and unit groups; statements prepared once per connection. */
export function unitsRepository(db: Db) {
  const statements = {
    byId: db.prepare<[number], UnitRow>(`${SELECT_UNIT} WHERE u.id = ?`),
    all: db.prepare<[], UnitRow>(`${SELECT_UNIT} ORDER BY g.sort_order, g.name, u.name COLLATE NOCASE`),
    activeByName: db.prepare<[string], UnitRow>(`${SELECT_UNIT} WHERE lower(u.name) = lower(?) AND u.archived_at IS NULL`),
    insert: db.prepare(
      `INSERT INTO units (name, short_name, group_id, head_name, created_at, updated_at)
       VALUES (@name, @shortName, @groupId, @headName, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE units SET name = @name, short_name = @shortName, group_id = @groupId, head_name = @headName,
       updated_at = @now WHERE id = @id`,
    ),
    setHead: db.prepare(
      `UPDATE units SET head_name = @headName, head_nip = @headNip, head_rank = @headRank, head_phone = @headPhone,
       head_email = @headEmail, updated_at = @now WHERE id = @id`,
    ),
    setArchived: db.prepare('UPDATE units SET archived_at = @archivedAt, updated_at = @now WHERE id = @id'),
    groups: db.prepare<[], { id: number; name: string; sort_order: number; unit_count: number }>(
      `SELECT g.id, g.name, g.sort_order,
              (SELECT count(*) FROM units u WHERE u.group_id = g.id AND u.archived_at IS NULL) AS unit_count
       FROM unit_groups g ORDER BY g.sort_order, g.name`,
    ),
    groupByName: db.prepare<[string], { id: number }>('SELECT id FROM unit_groups WHERE name = ? COLLATE NOCASE'),
    insertGroup: db.prepare(
      'INSERT INTO unit_groups (name, sort_order) VALUES (?, (SELECT coalesce(max(sort_order), 0) + 10 FROM unit_groups))',
    ),
  };

  return {
    get(id: number): Unit | undefined {
      const row = statements.byId.get(id);
      return row ? toUnit(row) : undefined;
    },
    all(): Unit[] {
      return statements.all.all().map(toUnit);
    },
    findActiveByName(name: string): Unit | undefined {
      const row = statements.activeByName.get(name);
      return row ? toUnit(row) : undefined;
    },
    insert(values: UnitValues, now: string): number {
      return Number(statements.insert.run({ ...values, now }).lastInsertRowid);
    },
    update(id: number, values: UnitValues, now: string): void {
      statements.update.run({ ...values, id, now });
    },
    setHead(id: number, head: UnitHead, now: string): void {
      statements.setHead.run({ ...head, id, now });
    },
    setArchived(id: number, archivedAt: string | null, now: string): void {
      statements.setArchived.run({ id, archivedAt, now });
    },
    groups(): UnitGroup[] {
      return statements.groups
        .all()
        .map((row) => ({ id: row.id, name: row.name, sortOrder: row.sort_order, unitCount: row.unit_count }));
    },
    /** The id of a group by name, creating the group when it does not exist yet. */
    ensureGroup(name: string): number {
      const existing = statements.groupByName.get(name);
      if (existing) return existing.id;
      return Number(statements.insertGroup.run(name).lastInsertRowid);
    },
  };
}

export type UnitsRepository = ReturnType<typeof unitsRepository>;
