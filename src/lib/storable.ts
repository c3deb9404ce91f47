/** A NUL character, or half of a surrogate pair without its other half: text PostgreSQL refuses as UTF-8. */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Can both databases store this text as it is? */
export const isStorableText = (text: string) => !UNSTORABLE.test(text);

/** Can both databases store this number exactly (ids and times are bigint; JavaScript holds integers exactly up to 2^53)? */
export const isStorableNumber = (n: number) => Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER;
