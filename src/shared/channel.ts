/**
 * Building blocks of the API contract. A feature may keep its channels in its own file
 * (src/shared/channels/<feature>.ts) built with these, spread into `contract`.
 */
import { z } from 'zod';

export interface ChannelSpec<S extends z.ZodType, Out> {
  input: S;
  /** Phantom: carries the output type only. */
  output?: Out;
}

export const channel =
  <Out>() =>
  <S extends z.ZodType>(input: S): ChannelSpec<S, Out> => ({ input });

export const none = z.undefined().or(z.null()).or(z.object({}).strict()).optional();

