import type { Scope, Target } from '../../shared/domain/policy';
import type { TableKey } from '../entities/key';
import type { Item } from './db';

/**
 * Which school a path's resource belongs to, for the scopes of the policy table. Feature modules
 * register a resolver for each scope they own (the org module for 'org' and 'district', events
 * for 'event' ...) and declare the resource's type by adding to `ScopeResources`:
 *
 *   declare module '../lib/scopes' { interface ScopeResources { event: EventItem } }
 *
 * A resolver names the one item to read, so the request pipeline reads it in the same batch as
 * the session's member (see http.ts); `defineApi` refuses to start when a route's scope has none.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScopeResources {}

export type ResourceScope = Exclude<Scope, 'public' | 'self'>;
export type ResourceOf<S> = S extends keyof ScopeResources ? ScopeResources[S] : undefined;

export interface Resolver<R> {
  /** The item that names the resource, from the path's parameters; undefined when they name nothing. */
  key(params: Record<string, string>): TableKey | undefined;
  /** The resource and its school, from the item read (undefined when it is not one). */
  resolve(item: Item): (Target & { resource: R }) | undefined;
}

const resolvers = new Map<Scope, Resolver<unknown>>();

export function registerScope<S extends ResourceScope>(scope: S, resolver: Resolver<ResourceOf<S>>): void {
  resolvers.set(scope, resolver as Resolver<unknown>);
}

export const resolverOf = (scope: Scope): Resolver<unknown> | undefined => resolvers.get(scope);

/** The `resolve` of a resolver whose item is the resource itself and carries its school (orgId, districtId). */
export const itemOfType =
  <R>(type: string) =>
  (item: Item): (Target & { resource: R }) | undefined =>
    item.type === type ? { orgId: item.orgId as string, districtId: item.districtId as string, resource: item as unknown as R } : undefined;
