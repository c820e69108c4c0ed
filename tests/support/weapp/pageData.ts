/**
 * A page's data as its view would hold it: each setData payload crosses to the view as JSON and
 * is applied by path ('root.cn.[0].v', 'list[2].name'), as WeChat applies it.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** WeChat refuses a single setData larger than this (the view would never get it). */
export const SET_DATA_LIMIT = 1024 * 1024;

function tokens(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  path.replace(/\[(\d+)\]|([^.[\]]+)/g, (_m, index: string | undefined, name: string | undefined) => {
    out.push(index !== undefined ? Number(index) : name!);
    return '';
  });
  return out;
}

/** Applies one payload (already JSON-copied) to `data`. */
export function applySetData(data: Record<string, Json>, payload: Record<string, Json>): void {
  for (const [path, value] of Object.entries(payload)) {
    const keys = tokens(path);
    let node: Record<string | number, Json> = data;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] = value;
        return;
      }
      const child = node[key];
      if (child === null || typeof child !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, Json>;
    });
  }
}

/** Every string a Taro node tree shows: the `v` of its text nodes, in document order. */
export function visibleText(node: Json | undefined): string[] {
  const out: string[] = [];
  const walk = (n: Json | undefined): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (typeof n.v === 'string' && n.v.trim()) out.push(n.v);
      for (const [k, v] of Object.entries(n)) if (k !== 'v' && v && typeof v === 'object') walk(v);
    }
  };
  walk(node);
  return out;
}

/** Every class name in a Taro node tree (Taro sends a node's class as `cl`). */
export function classNames(node: Json | undefined): Set<string> {
  const out = new Set<string>();
  const walk = (n: Json | undefined): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (typeof n.cl === 'string') for (const c of n.cl.split(/\s+/)) if (c) out.add(c);
      for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
    }
  };
  walk(node);
  return out;
}

/** The inline style (Taro sends it as `st`) of every node carrying class `cls`, in document order. */
export function stylesOfClass(node: Json | undefined, cls: string): string[] {
  const out: string[] = [];
  const walk = (n: Json | undefined): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes(cls)) out.push(typeof n.st === 'string' ? n.st : '');
      for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
    }
  };
  walk(node);
  return out;
}
