import type { ErrorCode } from '../../shared/schemas/common';

/** A failure we expect and can explain to the user: mapped to HTTP in one place (http.ts). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalidInput = (message = '请求内容不正确') => new AppError(400, 'INVALID_INPUT', message);
export const unauthenticated = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = '您没有权限进行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '找不到该内容') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (code: ErrorCode, message: string) => new AppError(409, code, message);
export const tooLarge = (message = '提交的内容过大') => new AppError(413, 'TOO_LARGE', message);
export const unsupportedMediaType = (message = '请以 JSON 格式提交（Content-Type: application/json）') => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', message);
export const rateLimited = (message = '操作太频繁，请稍后再试', retryAfterSeconds = 60) => new AppError(429, 'RATE_LIMITED', message, { 'retry-after': String(retryAfterSeconds) });
