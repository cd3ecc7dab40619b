/**
 * Errors cross every boundary (IPC, preview host HTTP, CLI) as data. Messages are in
 * Bahasa Indonesia and say what to do next; `code` is for programs and tests.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DATABASE_TOO_NEW'
  | 'DATABASE_CORRUPT'
  /** The data folder is held by another Patuh process (see src/server/lock). */
  | 'DATA_LOCKED'
  | 'INSTRUMENT_INVALID'
  | 'FILE_REJECTED'
  /** Terverifikasi asked for a requirement without any file or link. */
  | 'EVIDENCE_REQUIRED'
  /** An instrument whose years do not cover the year; confirm with `force`. */
  | 'INSTRUMENT_OUT_OF_RANGE'
  | 'IO'
  | 'FORBIDDEN'
  | 'CANCELLED'
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Field-level messages for forms: field name → message. */
  fields?: Record<string, string>;
  /** Additional lines (e.g. every problem of an instrument file). */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: string[];

  constructor(code: ErrorCode, message: string, extra: { fields?: Record<string, string>; details?: string[] } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.details) this.details = extra.details;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.fields) data.fields = this.fields;
    if (this.details) data.details = this.details;
    return data;
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, { ...(data.fields ? { fields: data.fields } : {}), ...(data.details ? { details: data.details } : {}) });
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });
