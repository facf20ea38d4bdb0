import { describe, expect, test } from "vitest";
import { checkRosterTable, classifyRow, isValidIdCard, mapHeader, maskName, parseBenefitType, parseStatus, validateRosterRow, type ExistingHousehold, type RawRosterRow, type RosterVillage } from "@/lib/domain/roster";

const VILLAGES: RosterVillage[] = [
  { id: "v-nhc", nameZh: "南洪城村", nameEn: "Nanhongcheng", code: "NHC" },
  { id: "v-hnc", nameZh: "洪南城村", nameEn: "Hongnancheng", code: "HNC" },
];

describe("maskName", () => {
  test.each([
    ["王小明", "王*明"],
    ["李明", "李*"],
    ["欧阳小明", "欧**明"],
    ["王", "王*"],
    ["王*明", "王*明"],
    [" 张 三 丰 ", "张*丰"],
    ["阿卜杜·热合曼", "阿*****曼"],
    ["John Smith", "J*** S****"],
    ["Li", "L*"],
    ["A", "A*"],
    ["", ""],
  ])("%j → %j", (name, masked) => expect(maskName(name)).toBe(masked));
});

describe("isValidIdCard (GB 11643)", () => {
  test.each([
    ["11010519491231002X", true],
    ["11010519491231002x", true],
    ["110105194912310021", false], // wrong check digit
    ["130627199002300011", false], // 30 February
    ["13062719900101001", false], // 17 characters
    ["1306271990010100111", false],
    ["ABCDEFGHIJKLMNOPQR", false],
    ["440524188001010014", false], // born 1880, before 1900
  ])("%s → %s", (id, ok) => expect(isValidIdCard(id)).toBe(ok));
  test("a computed check digit passes", () => {
    const body = "13062719850312004";
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
    expect(isValidIdCard(body + "10X98765432"[sum % 11])).toBe(true);
  });
});

describe("labels", () => {
  test.each([
    ["建档立卡", "REGISTERED"],
    ["已脱贫", "EXITED"],
    ["防返贫监测", "MONITORED"],
    ["monitored", "MONITORED"],
    ["REGISTERED", "REGISTERED"],
    ["脱贫", null],
  ])("status %s → %s", (label, value) => expect(parseStatus(label)).toBe(value));
  test.each([
    ["土地流转", "LAND_RENT"],
    ["务工", "WAGES"],
    ["分红", "DIVIDEND"],
    ["land rent", "LAND_RENT"],
    ["LAND_RENT", "LAND_RENT"],
    ["Wages", "WAGES"],
    ["入股", null],
  ])("benefit %s → %s", (label, value) => expect(parseBenefitType(label)).toBe(value));
});

const good: RawRosterRow = { code: "TX-NHC-0101", village: "南洪城村", headName: "王小明", memberCount: "4", status: "建档立卡", benefitType: "土地流转", landMu: "2.5", weight: "25", idCardNumber: "" };

describe("validateRosterRow", () => {
  test("a good row", () => {
    expect(validateRosterRow(good, VILLAGES)).toEqual({
      ok: true,
      row: { code: "TX-NHC-0101", villageId: "v-nhc", headName: "王小明", memberCount: 4, status: "REGISTERED", benefitType: "LAND_RENT", landMu: "2.50", weight: 25, idCardNumber: null },
    });
  });
  test("English labels, lower-case code, an ID number", () => {
    const r = validateRosterRow({ ...good, code: "tx-nhc-0101", village: "nanhongcheng", status: "exited", benefitType: "wages", landMu: "", idCardNumber: "11010519491231002x" }, VILLAGES);
    expect(r.ok && r.row).toMatchObject({ code: "TX-NHC-0101", status: "EXITED", benefitType: "WAGES", landMu: null, idCardNumber: "11010519491231002X" });
  });
  test.each<[string, RawRosterRow, string, string]>([
    ["missing code", { code: "" }, "code", "required"],
    ["bad code", { code: "NHC-1" }, "code", "codeFormat"],
    ["code of another village", { code: "TX-HNC-0101" }, "code", "codeVillage"],
    ["unknown village", { village: "北京村" }, "village", "unknownVillage"],
    ["no name", { headName: " " }, "headName", "required"],
    ["name with digits", { headName: "王1" }, "headName", "headName"],
    ["name too long", { headName: "王".repeat(31) }, "headName", "headName"],
    ["0 members", { memberCount: "0" }, "memberCount", "memberCount"],
    ["21 members", { memberCount: "21" }, "memberCount", "memberCount"],
    ["2.5 members", { memberCount: "2.5" }, "memberCount", "memberCount"],
    ["bad status", { status: "贫困" }, "status", "status"],
    ["bad benefit", { benefitType: "入股" }, "benefitType", "benefitType"],
    ["land rent without mu", { landMu: "" }, "landMu", "landMuRequired"],
    ["mu 0", { landMu: "0" }, "landMu", "landMu"],
    ["mu three decimals", { landMu: "1.005" }, "landMu", "landMu"],
    ["mu above 10,000", { landMu: "10000.01" }, "landMu", "landMu"],
    ["mu negative", { landMu: "-1" }, "landMu", "landMu"],
    ["mu for wages", { benefitType: "务工", landMu: "2" }, "landMu", "landMuOnlyForLand"],
    ["weight 1001", { weight: "1001" }, "weight", "weight"],
    ["weight -1", { weight: "-1" }, "weight", "weight"],
    ["weight 2.5", { weight: "2.5" }, "weight", "weight"],
    ["bad ID check digit", { idCardNumber: "110105194912310021" }, "idCardNumber", "idCard"],
  ])("%s", (_name, change, field, key) => {
    const r = validateRosterRow({ ...good, ...change }, VILLAGES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual(expect.objectContaining({ field, key }));
  });
  test.each([
    ["mu 0.01", { landMu: "0.01" }],
    ["mu 10000", { landMu: "10000" }],
    ["weight 0", { weight: "0" }],
    ["weight 1000", { weight: "1000" }],
    ["20 members", { memberCount: "20" }],
    ["wages with mu 0", { benefitType: "务工", landMu: "0" }],
  ])("edge accepted: %s", (_name, change) => expect(validateRosterRow({ ...good, ...change }, VILLAGES).ok).toBe(true));
  test("every problem of a row is reported", () => {
    const r = validateRosterRow({ code: "x", village: "y", headName: "", memberCount: "0", status: "", benefitType: "", weight: "" }, VILLAGES);
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(["code", "village", "headName", "memberCount", "status", "benefitType", "weight"]);
  });
});

describe("mapHeader / checkRosterTable", () => {
  const header = ["户编码", "村", "户主姓名", "家庭人口", "状态", "帮扶方式", "亩数", "权重", "身份证号"];
  test("Chinese and English titles, a BOM, any order", () => {
    expect(mapHeader(["\uFEFFweight", "Code", "Village", "Head name", "Members", "Status", "Benefit type"]).missing).toEqual([]);
    expect(mapHeader(header).columns).toMatchObject({ code: 0, village: 1, headName: 2, idCardNumber: 8 });
  });
  test("missing columns refuse the file", () => {
    expect(checkRosterTable([["户编码", "村"], ["TX-NHC-0101", "南洪城村"]], VILLAGES).fileProblems).toEqual([{ field: "file", key: "missingColumns", params: { columns: "headName, memberCount, status, benefitType, weight" } }]);
  });
  test("blank lines are skipped, line numbers are the file's, duplicates and inconsistent households caught", () => {
    const row = ["TX-NHC-0101", "南洪城村", "王小明", "4", "建档立卡", "土地流转", "2.5", "25", ""];
    const { lines, fileProblems } = checkRosterTable(
      [header, row, ["", "", "", "", "", "", "", "", ""], [...row.slice(0, 5), "务工", "", "30", ""], [...row], ["TX-NHC-0101", "南洪城村", "王小明", "5", "建档立卡", "分红", "", "10", ""]],
      VILLAGES,
    );
    expect(fileProblems).toEqual([]);
    expect(lines.map((l) => [l.line, l.row !== null, l.problems.map((p) => p.key)])).toEqual([
      [2, true, []],
      [4, true, []],
      [5, false, ["duplicate"]],
      [6, false, ["inconsistent"]],
    ]);
  });
  test("an empty file", () => expect(checkRosterTable([header], VILLAGES).fileProblems[0]?.key).toBe("empty"));
  test("more than 10,000 rows are refused", () => {
    const row = ["TX-NHC-0101", "南洪城村", "王小明", "4", "建档立卡", "务工", "", "25", ""];
    expect(checkRosterTable([header, ...Array.from({ length: 10_001 }, () => row)], VILLAGES).fileProblems[0]?.key).toBe("tooManyRows");
  });
});

describe("classifyRow", () => {
  const row = { code: "TX-NHC-0101", villageId: "v-nhc", headName: "王小明", memberCount: 4, status: "REGISTERED" as const, benefitType: "LAND_RENT" as const, landMu: "2.50", weight: 25, idCardNumber: null };
  const stored: ExistingHousehold = { id: "h1", villageId: "v-nhc", headName: "王小明", memberCount: 4, status: "REGISTERED", idCardNumber: null, participations: { LAND_RENT: { weight: 25, landMu: "2.50", active: true } } };
  test.each<[string, ExistingHousehold | undefined, object]>([
    ["not stored", undefined, { outcome: "newHousehold" }],
    ["same", stored, { outcome: "unchanged" }],
    ["weight changed", { ...stored, participations: { LAND_RENT: { weight: 20, landMu: "2.50", active: true } } }, { outcome: "updated" }],
    ["ended → restarted", { ...stored, participations: { LAND_RENT: { weight: 25, landMu: "2.50", active: false } } }, { outcome: "updated" }],
    ["status changed", { ...stored, status: "EXITED" }, { outcome: "updated" }],
    ["other type only", { ...stored, participations: { WAGES: { weight: 25, landMu: null, active: true } } }, { outcome: "newParticipation" }],
    ["another village", { ...stored, villageId: "v-hnc" }, { problem: { field: "village", key: "otherVillage" } }],
  ])("%s", (_name, existing, expected) => expect(classifyRow(row, existing)).toEqual(expected));
});
