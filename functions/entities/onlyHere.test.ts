import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Keys are composed in functions/entities/ only. Anywhere else in the product's code, a key
 * template (a tag and '#', as in `EVENT#${id}` or 'WAIT#'), a fixed sort key ('META', 'SEATS')
 * or a value glued to '#' is a second place a key's shape is written: it fails here.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['functions', 'shared', 'local', 'bench'];
const EXCLUDED = [/^functions\/entities\//, /^local\/dynamodb\//, /\.test\.ts$/];
const TEMPLATES = [/[`'"][A-Z][A-Z0-9_]*#/, /[`'"](META|SEATS)[`'"]/, /\$\{[^}]+\}#/, /#\$\{/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

export function keyTemplatesIn(source: string): string[] {
  return source.split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && TEMPLATES.some((t) => t.test(line)));
}

describe('key templates live in the entity modules', () => {
  it('finds a template where one is written', () => {
    expect(keyTemplatesIn("const k = { pk: `EVENT#${id}`, sk: 'META' };")).toHaveLength(1);
    expect(keyTemplatesIn("begins_with(sk, 'WAIT#')")).toHaveLength(1);
    expect(keyTemplatesIn('const s = `${at}#${id}`;')).toHaveLength(1);
    expect(keyTemplatesIn("update(Event.key({ eventId }), { UpdateExpression: 'SET #st = :s' })")).toHaveLength(0);
  });

  it('no key is composed outside functions/entities', () => {
    const found = SCANNED.flatMap((dir) => files(join(ROOT, dir)))
      .map((path) => relative(ROOT, path))
      .filter((path) => !EXCLUDED.some((x) => x.test(path)))
      .flatMap((path) => keyTemplatesIn(readFileSync(join(ROOT, path), 'utf8')).map((line) => `${path}: ${line.trim()}`));
    expect(found).toEqual([]);
  });
});
