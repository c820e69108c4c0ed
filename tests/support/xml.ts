import { SaxesParser } from 'saxes';

/** An element: its qualified name, attributes (unescaped), children and its own text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/**
 * Parses XML strictly (saxes, namespace-aware: a prefix used but never declared, a stray `&` or `<`,
 * a tag left open all throw) into a small tree, to read a package's parts back in tests.
 */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, typeof a === 'string' ? a : a.value])), children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => (stack.at(-1)!.text += t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error(`${root.children.length} root elements`);
  return root.children[0]!;
}

/** Every element named `name` under `node` (depth first, document order). */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
