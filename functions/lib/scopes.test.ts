import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from '../../local/serverlessConfig';
import { routes, scheduledHandlers } from '../../local/serverlessConfig';


/**
 * A route whose scope has no registered resolver would answer 500 at its first request: instead
 * its function refuses to start. Each function's handler module registers the scopes it needs by
 * itself (a bundle has only its own imports, never another function's).
 */
describe('scopes registered by their feature modules', () => {
  it('refuses to start a handler with a route whose scope has no resolver', async () => {
    vi.resetModules();
    const { defineApi, ok } = await import('./http');
    expect(() => defineApi({ 'GET /events/{eventId}': async () => ok({}) })).toThrow(/no resolver registered for scope "event"/);
  });

  it('starts once the feature module that owns the scope is loaded', async () => {
    vi.resetModules();
    await import('../domain/events/scope');
    const { defineApi, ok } = await import('./http');
    expect(() => defineApi({ 'GET /events/{eventId}': async () => ok({}) })).not.toThrow();
  });

  it('every function of serverless.yml starts on its own imports', async () => {
    const handlers = [...new Set([...routes().map((r) => r.handler), ...scheduledHandlers()])];
    for (const h of handlers) {
      vi.resetModules();
      const file = h.slice(0, h.lastIndexOf('.'));
      await expect(import(/* @vite-ignore */ pathToFileURL(`${ROOT}/${file}.ts`).href), file).resolves.toBeDefined();
    }
  });
});
