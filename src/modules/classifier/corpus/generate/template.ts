/**
 * A tiny template language for generated training texts:
 * `(a|b|c)` picks one alternative, `[x]` and `(x)?` keep x half of the time, `{slot}` expands a lexicon entry
 * (itself a template). Templates are parsed once; expansion follows the seeded generator only.
 */

export type Lexicon = Readonly<Record<string, readonly string[]>>;

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'choice'; options: Node[][] }
  | { kind: 'optional'; body: Node[] }
  | { kind: 'slot'; name: string };

const parsed = new Map<string, Node[]>();

function parse(source: string): Node[] {
  let at = 0;
  const sequence = (closers: string): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (at < source.length && !closers.includes(source[at] as string)) {
      const c = source[at++] as string;
      if (c === '(') {
        flush();
        const options: Node[][] = [sequence('|)')];
        while (source[at] === '|') {
          at++;
          options.push(sequence('|)'));
        }
        at++; // ')'
        const choice: Node = { kind: 'choice', options };
        // `(…)?` as in a regular expression: the choice is optional.
        if (source[at] === '?') {
          at++;
          nodes.push({ kind: 'optional', body: [choice] });
        } else nodes.push(choice);
      } else if (c === '[') {
        flush();
        const body = sequence(']');
        at++; // ']'
        nodes.push({ kind: 'optional', body });
      } else if (c === '{') {
        flush();
        const end = source.indexOf('}', at);
        if (end < 0) throw new Error(`unclosed slot in template: ${source}`);
        nodes.push({ kind: 'slot', name: source.slice(at, end) });
        at = end + 1;
      } else text += c;
    }
    flush();
    return nodes;
  };
  const nodes = sequence('');
  return nodes;
}

const compiled = (template: string): Node[] => {
  let nodes = parsed.get(template);
  if (!nodes) {
    nodes = parse(template);
    parsed.set(template, nodes);
  }
  return nodes;
};

export const pick = <T>(items: readonly T[], random: () => number): T => {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)] as T;
};

/** One random expansion of `template`. */
export function expand(template: string, lexicon: Lexicon, random: () => number): string {
  const walk = (nodes: Node[]): string => {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') out += node.value;
      else if (node.kind === 'choice') out += walk(pick(node.options, random));
      else if (node.kind === 'optional') out += random() < 0.5 ? walk(node.body) : '';
      else {
        const entries = lexicon[node.name];
        if (!entries) throw new Error(`unknown slot {${node.name}}`);
        out += walk(compiled(pick(entries, random)));
      }
    }
    return out;
  };
  return walk(compiled(template));
}
