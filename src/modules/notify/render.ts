/**
 * Notice templates: `{name}` is replaced by the value of `name`; `{{` stands for a literal `{`.
 * A name is ASCII letters, digits, `_` and `.`, not starting with a digit or dot
 * (`{complaint.number}`). A placeholder with no value given is left as it is, so a mistake in a
 * template shows in the notice instead of vanishing; a value given as null or undefined renders
 * as nothing. Any other brace is plain text.
 */

export type TemplateVars = Record<string, string | number | null | undefined>;

const TOKEN = /\{\{|\{([A-Za-z_][A-Za-z0-9_.]*)\}/g;

export function render(template: string, vars: TemplateVars): string {
  return template.replace(TOKEN, (match, name: string | undefined) => {
    if (name === undefined) return '{';
    if (!Object.hasOwn(vars, name)) return match;
    const value = vars[name];
    return value === null || value === undefined ? '' : String(value);
  });
}

/**
 * A notice's text: the template rendered, and a value that ends its own sentence before the
 * template's full stop keeps one stop (“已整改。” + “。” → “已整改。”, not “已整改。。”).
 */
export function renderNotice(template: string, vars: TemplateVars): string {
  return render(template, vars).replace(/([。！？!?])。/g, '$1');
}

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const [, name] of template.matchAll(TOKEN)) {
    if (name !== undefined) names.add(name);
  }
  return [...names];
}
