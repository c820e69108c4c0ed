import * as z from 'zod/mini';

/** The columns a roster sheet has, in the committee's own words. */
export const ROSTER_COLUMNS = {
  name: '姓名',
  staffNo: '工号',
  phone: '手机号',
  group: '工会小组',
  delegate: '是否代表',
  birthDate: '出生日期',
  status: '在职/退休',
} as const;
export const REQUIRED_ROSTER_COLUMNS = ['name', 'staffNo', 'group'] as const;

export const ImportRosterBody = z.strictObject({
  /** The .xlsx file, base64. */
  fileBase64: z.string().check(z.minLength(1), z.maxLength(1_400_000)),
  dryRun: z._default(z.boolean(), true),
});
export type ImportRosterBody = z.infer<typeof ImportRosterBody>;

export const RowAction = z.enum(['create', 'update', 'unchanged', 'error']);
export type RowAction = z.infer<typeof RowAction>;

export const ImportRow = z.object({
  row: z.int(),
  name: z.string(),
  staffNo: z.string(),
  action: RowAction,
  errors: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportReport = z.object({
  rows: z.array(ImportRow),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  errorCount: z.int(),
  /** Problems with the file as a whole (no sheet, missing columns). */
  fileErrors: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportResult = z.object({ applied: z.boolean(), report: ImportReport });
export type ImportResult = z.infer<typeof ImportResult>;
