/**
 * The one API contract. Every channel maps a validated input to a typed output.
 * The Electron preload exposes one function per channel, the main process registers
 * one handler per channel, and the browser preview host answers the same channels
 * over loopback — all derived from this object, so a missing handler is a compile error.
 */
import { z } from 'zod';
import type {
  AppInfo,
  BulkCreateReport,
  Instrument,
  InstrumentSummary,
  Period,
  PeriodDetail,
  Settings,
  Unit,
  UnitGroup,
  UnitTemplate,
} from './types';
import { idSchema, isoDateSchema, optionalTextSchema, textSchema, yearSchema } from './validation';

interface ChannelSpec<S extends z.ZodType, Out> {
  input: S;
  /** Phantom: carries the output type only. */
  output?: Out;
}

const channel =
  <Out>() =>
  <S extends z.ZodType>(input: S): ChannelSpec<S, Out> => ({ input });

const none = z.undefined().or(z.null()).or(z.object({}).strict()).optional();

const unitFields = {
  name: textSchema('Nama unit', 160),
  shortName: optionalTextSchema('Singkatan', 40),
  groupName: textSchema('Kelompok unit', 80),
  headName: optionalTextSchema('Nama kepala unit', 120),
};

const periodFields = {
  year: yearSchema,
  instrumentIds: z.array(idSchema).min(1, 'Pilih minimal satu instrumen.'),
  deadline: isoDateSchema.nullable().optional(),
  windowStart: isoDateSchema.optional(),
  windowEnd: isoDateSchema.optional(),
};

export const contract = {
  'app:info': channel<AppInfo>()(none),

  'settings:get': channel<Settings>()(none),
  'settings:update': channel<Settings>()(
    z.object({
      operatorName: optionalTextSchema('Nama operator', 120),
      localGovernmentName: optionalTextSchema('Nama pemerintah daerah', 160),
      localGovernmentKind: z.enum(['kabupaten', 'kota', 'provinsi']).optional(),
    }),
  ),

  'unit-groups:list': channel<UnitGroup[]>()(none),

  'units:list': channel<Unit[]>()(
    z
      .object({
        search: z.string().max(200).optional(),
        groupId: idSchema.optional(),
        includeArchived: z.boolean().optional(),
      })
      .optional(),
  ),
  'units:get': channel<Unit>()(z.object({ id: idSchema })),
  'units:create': channel<Unit>()(z.object(unitFields)),
  'units:update': channel<Unit>()(z.object({ id: idSchema, ...unitFields })),
  'units:archive': channel<Unit>()(z.object({ id: idSchema })),
  'units:restore': channel<Unit>()(z.object({ id: idSchema })),
  'units:templates': channel<UnitTemplate[]>()(none),
  'units:bulk-create': channel<BulkCreateReport>()(
    z.object({ names: z.array(z.string().min(1).max(160)).min(1, 'Pilih minimal satu unit.').max(500) }),
  ),

  'instruments:list': channel<InstrumentSummary[]>()(none),
  'instruments:get': channel<Instrument>()(z.object({ id: idSchema })),

  'periods:list': channel<Period[]>()(none),
  'periods:get': channel<PeriodDetail>()(z.object({ id: idSchema })),
  'periods:create': channel<PeriodDetail>()(
    z.object({ ...periodFields, unitIds: z.array(idSchema).optional(), copyScopeFromPeriodId: idSchema.optional() }),
  ),
  'periods:update': channel<PeriodDetail>()(
    z.object({
      id: idSchema,
      instrumentIds: periodFields.instrumentIds,
      deadline: periodFields.deadline,
      windowStart: periodFields.windowStart,
      windowEnd: periodFields.windowEnd,
    }),
  ),
  'periods:set-scope': channel<PeriodDetail>()(
    z.object({
      periodId: idSchema,
      add: z.array(idSchema).default([]),
      remove: z.array(idSchema).default([]),
    }),
  ),
  'periods:set-sample': channel<PeriodDetail>()(
    z.object({ periodId: idSchema, unitIds: z.array(idSchema).min(1), sample: z.boolean() }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = NonNullable<Contract[C]['output']>;

/** What the renderer calls: one async function per channel. */
export type Api = {
  [C in Channel]: (...args: undefined extends Input<C> ? [input?: Input<C>] : [input: Input<C>]) => Promise<Output<C>>;
};
/** What a host implements: one function per channel, receiving validated input. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> };

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
