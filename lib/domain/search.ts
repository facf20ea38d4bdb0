// Catalog search without a Chinese word splitter: a product's search document (the tsvector column
// Product.searchDocument, built by the database, prisma/migrations/*_product_search/migration.sql) holds every
// pair of neighbouring Chinese characters (葡萄酒 → 葡萄, 萄酒), the last character of each Chinese run on its own,
// and the lower-cased Latin words and numbers — each at its position, fields apart. A query is cut the same way
// here and asks for the same pairs at the same distances, so a GIN index answers two-character queries such as
// 葡萄 (trigram indexes need three) and a match means the query's text appears in one field, as a substring
// would. Differences from a substring search, on purpose: a Latin word matches from its start ("wine" finds
// "wines", not "swine"), and punctuation only separates. The two spellings of the cut — this file and the SQL
// function — are held together by tests/integration/search.test.ts.

/** Chinese (Han) characters: CJK Unified Ideographs, Extension A, compatibility ideographs and the supplementary planes' extensions. */
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2ffff}";
const TOKEN = new RegExp(`[${HAN}]+|[a-z0-9]+`, "gu");
const IS_HAN = new RegExp(`^[${HAN}]`, "u");

/** Like the listing's old substring search: at most this many whitespace-separated terms count. */
export const SEARCH_MAX_TERMS = 5;
/** Lexemes in one query, all terms together; a longer query is cut (it still narrows by what it kept). */
export const SEARCH_MAX_LEXEMES = 32;
/** Latin words are cut to this many characters, in the document too (a tsvector lexeme must stay under 2 KB). */
export const SEARCH_MAX_WORD = 64;

interface Lexeme {
  text: string;
  /** Matches lexemes that start with `text` (a Latin word's beginning; one Chinese character anywhere). */
  prefix: boolean;
  /** Positions from this lexeme to the next one of the same term (in the document: the same field). */
  next: number;
}

/** ASCII only, as the database's `translate` does: the result must not depend on the server's locale. */
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function termLexemes(term: string): Lexeme[] {
  const out: Lexeme[] = [];
  for (const [run] of lowerAscii(term).matchAll(TOKEN)) {
    if (!IS_HAN.test(run)) {
      out.push({ text: run.slice(0, SEARCH_MAX_WORD), prefix: true, next: 1 });
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) {
      // In the document every character starts a pair or ends its run, so "starts with 桃" finds each 桃.
      out.push({ text: run, prefix: true, next: 1 });
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) out.push({ text: chars[i]! + chars[i + 1]!, prefix: false, next: 1 });
    // The run's last character sits one position after the last pair: what follows it is two positions on.
    out[out.length - 1]!.next = 2;
  }
  return out;
}

const quote = (lexeme: Lexeme) => `'${lexeme.text}'${lexeme.prefix ? ":*" : ""}`;

/**
 * The PostgreSQL `tsquery` for a search box's text: each whitespace-separated term becomes a phrase of its lexemes
 * at their distances (`'葡萄' <-> '萄酒'`), and the terms are ANDed. Null when the text holds nothing searchable
 * (only punctuation, or empty): the caller then finds nothing, as a search for "%%" found nothing before.
 */
export function searchQuery(input: string): string | null {
  const phrases: string[] = [];
  let budget = SEARCH_MAX_LEXEMES;
  for (const term of input.split(/\s+/).filter(Boolean).slice(0, SEARCH_MAX_TERMS)) {
    const lexemes = termLexemes(term).slice(0, budget);
    if (lexemes.length === 0) continue;
    budget -= lexemes.length;
    let phrase = quote(lexemes[0]!);
    for (let i = 1; i < lexemes.length; i++) {
      const gap = lexemes[i - 1]!.next;
      phrase += ` ${gap === 1 ? "<->" : `<${gap}>`} ${quote(lexemes[i]!)}`;
    }
    phrases.push(lexemes.length > 1 ? `(${phrase})` : phrase);
    if (budget === 0) break;
  }
  return phrases.length === 0 ? null : phrases.join(" & ");
}
