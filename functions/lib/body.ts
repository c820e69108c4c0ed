import type * as z from 'zod/mini';
import { invalidInput } from './errors';

/** Request bodies: JSON, validated strictly against a schema from shared/; any problem is one Chinese 400. */

/** Turns a zod failure into one clear Chinese sentence (the issues carry their input: see parseBody). */
export function describeIssues(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '请求内容不正确';
  const field = issue.path.length ? `字段“${issue.path.join('.')}”` : '请求体';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_type':
      return issue.input === undefined ? `${field}缺失` : `${field}类型不正确`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? `${field}太短，至少 ${issue.minimum}` : `${field}不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? `${field}太长，最多 ${issue.maximum}` : `${field}不能大于 ${issue.maximum}`;
    default:
      return /[\u4e00-\u9fa5]/.test(issue.message) ? `${field}：${issue.message}` : `${field}的值不正确`;
  }
}

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What no body may hold anywhere, keys included: a lone surrogate (no character at all: it would
 * break exports and file names downstream), or a key named `__proto__` (it reaches an object's
 * prototype the moment anyone copies it). Returns the Chinese reason, or undefined.
 */
export function unsafeJson(value: unknown): string | undefined {
  if (typeof value === 'string') return value.match(LONE_SURROGATE) ? '内容中有无法识别的字符，请删除后重试' : undefined;
  if (Array.isArray(value)) return value.map(unsafeJson).find(Boolean);
  if (!value || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__') return '字段名“__proto__”不能使用';
    const reason = unsafeJson(k) ?? unsafeJson(v);
    if (reason) return reason;
  }
  return undefined;
}

export function parseBody<S extends z.ZodMiniType>(raw: string | undefined, schema: S): z.infer<S> {
  let data: unknown = {};
  if (raw !== undefined && raw.trim() !== '') {
    try {
      data = JSON.parse(raw);
    } catch {
      throw invalidInput('请求体不是合法的 JSON');
    }
  }
  const unsafe = unsafeJson(data);
  if (unsafe) throw invalidInput(unsafe);
  // With the input on each issue, a field of the wrong type reads 类型不正确, not 缺失.
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw invalidInput(describeIssues(parsed.error));
  return parsed.data;
}

