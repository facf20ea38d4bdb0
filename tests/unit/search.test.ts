// The search box's text as a PostgreSQL tsquery (lib/domain/search.ts): Chinese pairs and Latin words at their
// distances, terms ANDed, capped. That the database finds the same products as the old substring search is
// tests/integration/search.test.ts.
import { describe, expect, test } from "vitest";
import { SEARCH_MAX_LEXEMES, SEARCH_MAX_WORD, searchQuery } from "@/lib/domain/search";

describe("searchQuery", () => {
  test.each([
    { input: "葡萄", expected: "'葡萄'", why: "two characters: one pair" },
    { input: "葡萄酒", expected: "('葡萄' <-> '萄酒')", why: "three characters: neighbouring pairs" },
    { input: "唐县黄桃罐头", expected: "('唐县' <-> '县黄' <-> '黄桃' <-> '桃罐' <-> '罐头')", why: "a long Chinese run" },
    { input: "桃", expected: "'桃':*", why: "one character: any pair it starts, or the run it ends" },
    { input: "wine", expected: "'wine':*", why: "a Latin word matches from its start" },
    { input: "WINE", expected: "'wine':*", why: "lower-cased" },
    { input: "Cabernet 赤霞珠", expected: "'cabernet':* & ('赤霞' <-> '霞珠')", why: "terms are ANDed" },
    { input: "Cabernet赤霞珠", expected: "('cabernet':* <-> '赤霞' <-> '霞珠')", why: "a mixed term is one phrase" },
    { input: "赤霞珠2024", expected: "('赤霞' <-> '霞珠' <2> '2024':*)", why: "after a Chinese run, its last character's position" },
    { input: "桃A", expected: "('桃':* <-> 'a':*)", why: "one character then a word" },
    { input: "red-wine", expected: "('red':* <-> 'wine':*)", why: "punctuation separates words, they stay neighbours" },
    { input: "葡萄，酒！", expected: "('葡萄' <2> '酒':*)", why: "full-width punctuation separates" },
    { input: "%%%_", expected: null, why: "only punctuation: nothing to search" },
    { input: "'; drop table", expected: "'drop':* & 'table':*", why: "quotes are not lexemes" },
    { input: "", expected: null, why: "empty" },
    { input: "   ", expected: null, why: "blank" },
    { input: "葡萄 % 酒", expected: "'葡萄' & '酒':*", why: "a term without letters is skipped" },
    { input: "a b c d e f g", expected: "'a':* & 'b':* & 'c':* & 'd':* & 'e':*", why: "five terms at most" },
    { input: "𠀀𠀁", expected: "'𠀀𠀁'", why: "supplementary-plane characters are Chinese too" },
    { input: "café", expected: "'caf':*", why: "letters outside ASCII separate words" },
  ])("$why: $input", ({ input, expected }) => {
    expect(searchQuery(input)).toBe(expected);
  });

  test("a very long input is capped", () => {
    const long = "葡".repeat(500) + " " + "x".repeat(500);
    const query = searchQuery(long)!;
    expect(query.match(/'/g)!.length / 2).toBe(SEARCH_MAX_LEXEMES);
    expect(query).not.toContain("x");
    expect(searchQuery("x".repeat(500))).toBe(`'${"x".repeat(SEARCH_MAX_WORD)}':*`);
  });
});
