// The reports' CSV writer (papaparse underneath): byte order mark and CRLF, RFC 4180 quoting, and no cell that a
// spreadsheet would run as a formula, while the amounts we write stay numbers.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type CsvCell, toCsv } from "@/lib/server/reports-csv";
import { readCsv } from "../helpers/csv";

const BOM = "\uFEFF";


describe("toCsv: the file around the cells", () => {
  test("a byte order mark first, CRLF after every row, the last one too", () => {
    expect(toCsv([["a", "b"], ["c", "d"]])).toBe(`${BOM}a,b\r\nc,d\r\n`);
    expect(toCsv([])).toBe(`${BOM}\r\n`);
    expect(toCsv([[]])).toBe(`${BOM}\r\n`);
  });

  test("an empty row between two is an empty line", () => {
    expect(toCsv([["a"], [], ["b"]])).toBe(`${BOM}a\r\n\r\nb\r\n`);
  });

  test("rows of different lengths are written as they are", () => {
    expect(toCsv([["title"], ["a", 1, { yuan: 100 }]])).toBe(`${BOM}title\r\na,1,1.00\r\n`);
  });
});

// One cell in, its CSV text out (between the BOM and the CRLF).
describe("toCsv: one cell", () => {
  test.each<[string, CsvCell, string]>([
    // Text, Chinese and English.
    ["plain Chinese", "南洪城村", "南洪城村"],
    ["English with a space inside", "Nanhongcheng Village", "Nanhongcheng Village"],
    ["empty text", "", ""],
    ["a full-width comma needs no quotes", "唐县，河北", "唐县，河北"],
    ["Chinese with full-width brackets", "商品 i6 (退款冲销)", "商品 i6 (退款冲销)"],
    ["a space first or last is kept, inside quotes", " 唐县 ", '" 唐县 "'],
    // Commas, quotes and line breaks.
    ["a comma is quoted", "唐县,河北", '"唐县,河北"'],
    ["an English name with a comma", "Hongnancheng, Canning", '"Hongnancheng, Canning"'],
    ["a quote is doubled and quoted", 'the "best" grape', '"the ""best"" grape"'],
    ["a lone quote", '"', '""""'],
    ["a quote inside, not first", '5" box', '"5"" box"'],
    ["a newline is quoted", "line 1\nline 2", '"line 1\nline 2"'],
    ["a CRLF is quoted", "line 1\r\nline 2", '"line 1\r\nline 2"'],
    // Formula-looking text: an apostrophe first (Excel shows it as text, not run), and quotes.
    ["= starts a formula", '=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["= with a command", "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""],
    ["+ starts a formula", "+86 138", "\"'+86 138\""],
    ["- starts a formula", "-2+3", "\"'-2+3\""],
    ["- with a function", "-SUM(A1:A9)", "\"'-SUM(A1:A9)\""],
    ["@ starts a formula", "@SUM(A1)", "\"'@SUM(A1)\""],
    ["a tab first", "\t=1", "\"'\t=1\""],
    ["a carriage return first", "\r=1", "\"'\r=1\""],
    ["a formula with a comma: apostrophe inside the quotes", "=1,2", "\"'=1,2\""],
    ["a formula-looking Chinese name", '=洪南城,"罐头"合作社', '"\'=洪南城,""罐头""合作社"'],
    ["a minus sign alone", "-", "\"'-\""],
    ["a number with text after it", "-12.34abc", "\"'-12.34abc\""],
    ["an exponent is not a plain number", "-1e5", "\"'-1e5\""],
    ["+ before a number is still guarded", "+12", "\"'+12\""],
    ["a formula character later on is harmless", "a=b+c-d@e", "a=b+c-d@e"],
    // A cell that is just a negative number is data, never a formula, whoever wrote it.
    ["text that is a negative number stays a number", "-12.34", "-12.34"],
    ["text that is a negative whole number", "-5", "-5"],
    // Counts and amounts we computed.
    ["a number", 42, "42"],
    ["zero", 0, "0"],
    ["a negative number", -3, "-3"],
    ["yuan", { yuan: 1234 }, "12.34"],
    ["whole yuan keep two decimals", { yuan: 45_600 }, "456.00"],
    ["zero yuan", { yuan: 0 }, "0.00"],
    ["negative yuan: a number, no apostrophe", { yuan: -1234 }, "-12.34"],
    ["a refund of whole yuan", { yuan: -9200 }, "-92.00"],
    ["less than a yuan, negative", { yuan: -5 }, "-0.05"],
  ])("%s", (_why, value, expected) => {
    expect(toCsv([[value]])).toBe(`${BOM}${expected}\r\n`);
  });
});

describe("toCsv: a whole table", () => {
  test("header, rows with money (negative too), a total", () => {
    const csv = toCsv([
      ["村", "订单数", "营业额（元）"],
      ['南洪城村,"一组"', 3, { yuan: 45_600 }],
      ["=cmd|' /C calc'!A0", 1, { yuan: -500 }],
      ["合计", 4, { yuan: 45_100 }],
    ]);
    expect(csv).toBe(`${BOM}村,订单数,营业额（元）\r\n"南洪城村,""一组""",3,456.00\r\n"'=cmd|' /C calc'!A0",1,-5.00\r\n合计,4,451.00\r\n`);
  });

  test("what a spreadsheet reads back: the texts (guarded ones with their apostrophe), the amounts as numbers", () => {
    const csv = toCsv([["=1+1", { yuan: -1250 }, "唐县,\"好物\"\n第二行", 7]]);
    const rows = readCsv(csv.slice(1));
    expect(rows).toEqual([["'=1+1", "-12.50", '唐县,"好物"\n第二行', "7"]]);
    expect(Number(rows[0]![1])).toBe(-12.5);
  });
});

describe("toCsv: any text", () => {
  const FORMULA_FIRST = /^[=+\-@\t\r]/;
  const PLAIN_NEGATIVE = /^-\d+(\.\d+)?$/;

  test("reads back as itself, or with an apostrophe when it starts like a formula; never opens with a formula character", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.stringMatching(/^[=+\-@\t\r,"\n 0-9a-z唐县]{0,12}$/));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (cells) => {
        const csv = toCsv([cells]);
        expect(csv.startsWith(BOM) && csv.endsWith("\r\n")).toBe(true);
        const rows = readCsv(csv.slice(1));
        expect(rows).toEqual([cells.map((c) => (FORMULA_FIRST.test(c) && !PLAIN_NEGATIVE.test(c) ? `'${c}` : c))]);
        for (const cell of rows[0]!) if (!PLAIN_NEGATIVE.test(cell)) expect(cell).not.toMatch(FORMULA_FIRST);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

describe("toCsv: refuses what it cannot write", () => {
  test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("the number %d", (n) => {
    expect(() => toCsv([[n]])).toThrow(RangeError);
  });

  test("fractional fen", () => {
    expect(() => toCsv([[{ yuan: 12.5 }]])).toThrow(RangeError);
  });
});
