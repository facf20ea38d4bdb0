// The household roster's rules (建档立卡贫困户 and how each takes part in a cooperative): how a head's name is
// masked, how a roster row (typed in a form or read from a cooperative's CSV/XLSX file) is checked, and what an
// import would change. Pure: no Next, no Prisma. Problems are message keys (messages/*.json, namespace
// "roster") with their arguments, so a preview stored today is translated when it is shown.

export const HOUSEHOLD_STATUSES = ["REGISTERED", "EXITED", "MONITORED"] as const;
export type HouseholdStatusValue = (typeof HOUSEHOLD_STATUSES)[number];
export const BENEFIT_TYPES = ["LAND_RENT", "WAGES", "DIVIDEND"] as const;
export type BenefitTypeValue = (typeof BENEFIT_TYPES)[number];

export const MEMBER_COUNT = { min: 1, max: 20 } as const;
export const WEIGHT = { min: 0, max: 1000 } as const;
/** 亩, two decimals. */
export const LAND_MU = { min: 0.01, max: 10_000 } as const;
export const HEAD_NAME_MAX = 30;
/** Refused above these: a roster is a few hundred rows; 10,000 is a whole township. */
export const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The seed's household code: TX-<village code>-<4 digits>, e.g. TX-NHC-0001. */
export const HOUSEHOLD_CODE = /^TX-([A-Z]{2,5})-(\d{4,6})$/;

const HAN = /\p{Script=Han}/u;

/**
 * The head's name as every list shows it. Chinese names keep their first and last character and hide the
 * middle: 王小明 → 王*明, 欧阳小明 → 欧**明 (one star per hidden character); a two-character name keeps its
 * surname only (李明 → 李*), a single character becomes 王*. Latin names keep each word's first letter:
 * "John Smith" → "J*** S****", "Li" → "L*". An already masked sample name (王*明) stays as it is.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") return "";
  if (HAN.test(trimmed)) {
    const chars = Array.from(trimmed.replace(/\s+/gu, ""));
    if (chars.length <= 2) return `${chars[0]}*`;
    return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  }
  return trimmed
    .split(/\s+/u)
    .map((word) => {
      const chars = Array.from(word);
      return `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
    })
    .join(" ");
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = "10X98765432";

/** A resident ID-card number (GB 11643-1999): 17 digits, a valid birth date, and the check character. */
export function isValidIdCard(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17];
}

const STATUS_LABELS: Record<string, HouseholdStatusValue> = {
  建档立卡: "REGISTERED",
  registered: "REGISTERED",
  已脱贫: "EXITED",
  exited: "EXITED",
  防返贫监测: "MONITORED",
  监测: "MONITORED",
  monitored: "MONITORED",
};
const BENEFIT_LABELS: Record<string, BenefitTypeValue> = {
  土地流转: "LAND_RENT",
  land_rent: "LAND_RENT",
  landrent: "LAND_RENT",
  务工: "WAGES",
  wages: "WAGES",
  分红: "DIVIDEND",
  dividend: "DIVIDEND",
};
const labelKey = (v: string) => v.trim().toLowerCase().replace(/[\s-]+/gu, "_");

export function parseStatus(v: string): HouseholdStatusValue | null {
  return STATUS_LABELS[labelKey(v)] ?? STATUS_LABELS[labelKey(v).replace(/_/g, "")] ?? null;
}
export function parseBenefitType(v: string): BenefitTypeValue | null {
  return BENEFIT_LABELS[labelKey(v)] ?? BENEFIT_LABELS[labelKey(v).replace(/_/g, "")] ?? null;
}

/** A village of the county as the roster knows it: `code` is its household-code prefix (NHC), if it has one. */
export interface RosterVillage {
  id: string;
  nameZh: string;
  nameEn: string;
  code: string | null;
}

export interface RosterRow {
  code: string;
  villageId: string;
  headName: string;
  memberCount: number;
  status: HouseholdStatusValue;
  benefitType: BenefitTypeValue;
  /** Two decimals as a string ("2.50"), only for land rent. */
  landMu: string | null;
  weight: number;
  idCardNumber: string | null;
}

export type RosterField = keyof RosterRow | "village" | "file";
export interface RowProblem {
  field: RosterField;
  /** Message key under "roster.problems". */
  key: string;
  params?: Record<string, string | number>;
}

export type RawRosterRow = Partial<Record<"code" | "village" | "headName" | "memberCount" | "status" | "benefitType" | "landMu" | "weight" | "idCardNumber", string>>;

// eslint-disable-next-line no-control-regex -- a name has no reason to hold a control character
const CONTROL = /[\u0000-\u001F\u007F]/u;

function wholeNumber(v: string): number | null {
  return /^\d+$/.test(v) ? Number(v) : null;
}

/** One row, checked field by field: every problem is reported, not only the first. */
export function validateRosterRow(raw: RawRosterRow, villages: readonly RosterVillage[]): { ok: true; row: RosterRow } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const s = (k: keyof RawRosterRow) => (raw[k] ?? "").trim();

  const code = s("code").toUpperCase();
  const codeMatch = HOUSEHOLD_CODE.exec(code);
  if (code === "") problems.push({ field: "code", key: "required" });
  else if (!codeMatch) problems.push({ field: "code", key: "codeFormat", params: { value: code.slice(0, 40) } });

  const villageName = s("village");
  const village = villages.find((v) => v.nameZh === villageName || v.nameEn.toLowerCase() === villageName.toLowerCase());
  if (villageName === "") problems.push({ field: "village", key: "required" });
  else if (!village) problems.push({ field: "village", key: "unknownVillage", params: { value: villageName.slice(0, 40) } });
  else if (codeMatch && village.code && codeMatch[1] !== village.code) problems.push({ field: "code", key: "codeVillage", params: { prefix: village.code } });

  const headName = s("headName").replace(/\s+/gu, " ");
  if (headName === "") problems.push({ field: "headName", key: "required" });
  else if (Array.from(headName).length > HEAD_NAME_MAX || CONTROL.test(headName) || !headName.isWellFormed() || /\d/.test(headName))
    problems.push({ field: "headName", key: "headName", params: { max: HEAD_NAME_MAX } });

  const memberCount = wholeNumber(s("memberCount"));
  if (memberCount === null || memberCount < MEMBER_COUNT.min || memberCount > MEMBER_COUNT.max) problems.push({ field: "memberCount", key: "memberCount", params: MEMBER_COUNT });

  const status = parseStatus(s("status"));
  if (!status) problems.push({ field: "status", key: "status" });

  const benefitType = parseBenefitType(s("benefitType"));
  if (!benefitType) problems.push({ field: "benefitType", key: "benefitType" });

  let landMu: string | null = null;
  const mu = s("landMu");
  if (benefitType === "LAND_RENT" || (mu !== "" && benefitType === null)) {
    if (mu === "") problems.push({ field: "landMu", key: "landMuRequired" });
    else if (!/^\d+(\.\d{1,2})?$/.test(mu) || Number(mu) < LAND_MU.min || Number(mu) > LAND_MU.max) problems.push({ field: "landMu", key: "landMu", params: LAND_MU });
    else landMu = Number(mu).toFixed(2);
  } else if (mu !== "" && Number(mu) !== 0) problems.push({ field: "landMu", key: "landMuOnlyForLand" });

  const weight = wholeNumber(s("weight"));
  if (weight === null || weight < WEIGHT.min || weight > WEIGHT.max) problems.push({ field: "weight", key: "weight", params: WEIGHT });

  const id = s("idCardNumber").toUpperCase();
  if (id !== "" && !isValidIdCard(id)) problems.push({ field: "idCardNumber", key: "idCard" });

  if (problems.length > 0 || !village || !status || !benefitType || memberCount === null || weight === null) return { ok: false, problems };
  return { ok: true, row: { code, villageId: village.id, headName, memberCount, status, benefitType, landMu, weight, idCardNumber: id === "" ? null : id } };
}

// ─────────────────────────── Files ───────────────────────────

const HEADERS: Record<keyof RawRosterRow, readonly string[]> = {
  code: ["户编码", "户码", "农户编码", "编码", "code", "householdcode"],
  village: ["村", "村名", "所在村", "行政村", "village"],
  headName: ["户主姓名", "户主", "姓名", "headname", "head", "name"],
  memberCount: ["家庭人口", "人口", "人口数", "家庭人口数", "members", "membercount"],
  status: ["状态", "户状态", "帮扶状态", "status"],
  benefitType: ["帮扶方式", "受益方式", "联农带农方式", "利益联结方式", "benefittype", "benefit"],
  landMu: ["亩数", "土地亩数", "流转亩数", "亩", "landmu", "mu"],
  weight: ["权重", "分配权重", "weight"],
  idCardNumber: ["身份证号", "身份证号码", "身份证", "idcard", "idcardnumber", "id"],
};
const REQUIRED_COLUMNS = ["code", "village", "headName", "memberCount", "status", "benefitType", "weight"] as const;

const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/u, "")
    .replace(/[\s_()（）[\]【】-]+/gu, "")
    .toLowerCase();

/** Which column holds which field, from the header row (Chinese or English titles); the required ones missing. */
export function mapHeader(header: readonly string[]): { columns: Partial<Record<keyof RawRosterRow, number>>; missing: (keyof RawRosterRow)[] } {
  const columns: Partial<Record<keyof RawRosterRow, number>> = {};
  header.forEach((title, index) => {
    const n = normalizeHeader(title);
    for (const [field, names] of Object.entries(HEADERS) as [keyof RawRosterRow, readonly string[]][]) {
      if (columns[field] === undefined && names.includes(n)) {
        columns[field] = index;
        break;
      }
    }
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((f) => columns[f] === undefined) };
}

export interface CheckedLine {
  /** The line in the file (the header is line 1). */
  line: number;
  row: RosterRow | null;
  /** The row as read, so a preview can show what was wrong. */
  raw: RawRosterRow;
  problems: RowProblem[];
}

/**
 * A whole table (header + rows, cells as text), checked row by row and then across rows: one line per
 * household and benefit type, and one household's own fields (village, name, members, status, ID) the same on
 * all its lines. Blank lines are skipped.
 */
export function checkRosterTable(table: readonly (readonly string[])[], villages: readonly RosterVillage[]): { fileProblems: RowProblem[]; lines: CheckedLine[] } {
  const [header, ...body] = table;
  if (!header) return { fileProblems: [{ field: "file", key: "empty" }], lines: [] };
  const { columns, missing } = mapHeader(header);
  if (missing.length > 0) return { fileProblems: [{ field: "file", key: "missingColumns", params: { columns: missing.join(", ") } }], lines: [] };
  const lines: CheckedLine[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const raw: RawRosterRow = {};
    for (const [field, index] of Object.entries(columns) as [keyof RawRosterRow, number][]) raw[field] = (cells[index] ?? "").trim();
    const checked = validateRosterRow(raw, villages);
    lines.push({ line: i + 2, raw, row: checked.ok ? checked.row : null, problems: checked.ok ? [] : checked.problems });
  });
  if (lines.length === 0) return { fileProblems: [{ field: "file", key: "empty" }], lines };
  if (lines.length > IMPORT_MAX_ROWS) return { fileProblems: [{ field: "file", key: "tooManyRows", params: { max: IMPORT_MAX_ROWS, rows: lines.length } }], lines: [] };

  const seen = new Map<string, number>();
  const household = new Map<string, { line: number; row: RosterRow }>();
  for (const l of lines) {
    if (!l.row) continue;
    const key = `${l.row.code}|${l.row.benefitType}`;
    const first = seen.get(key);
    if (first !== undefined) {
      l.problems.push({ field: "benefitType", key: "duplicate", params: { line: first } });
      l.row = null;
      continue;
    }
    seen.set(key, l.line);
    const prior = household.get(l.row.code);
    if (prior && !sameHousehold(prior.row, l.row)) {
      l.problems.push({ field: "code", key: "inconsistent", params: { line: prior.line } });
      l.row = null;
      continue;
    }
    if (!prior) household.set(l.row.code, { line: l.line, row: l.row });
  }
  return { fileProblems: [], lines };
}

function sameHousehold(a: RosterRow, b: RosterRow): boolean {
  return a.villageId === b.villageId && a.headName === b.headName && a.memberCount === b.memberCount && a.status === b.status && (a.idCardNumber ?? "") === (b.idCardNumber ?? "");
}

// ─────────────────────────── What an import changes ───────────────────────────

export interface ExistingHousehold {
  id: string;
  villageId: string;
  headName: string | null;
  memberCount: number;
  status: HouseholdStatusValue;
  idCardNumber: string | null;
  /** This cooperative's participations of the household, by benefit type. */
  participations: Partial<Record<BenefitTypeValue, { weight: number; landMu: string | null; active: boolean }>>;
}

export type RowOutcome = "newHousehold" | "newParticipation" | "updated" | "unchanged";

/**
 * What committing one valid row would do, against what is stored: a household code not yet in the county is a
 * new household; an existing household in another village is refused (codes are the county's, not the file's).
 * A row naming an ended participation restarts it (counted as updated). A blank ID number keeps the stored one.
 */
export function classifyRow(row: RosterRow, existing: ExistingHousehold | undefined): { outcome: RowOutcome } | { problem: RowProblem } {
  if (!existing) return { outcome: "newHousehold" };
  if (existing.villageId !== row.villageId) return { problem: { field: "village", key: "otherVillage" } };
  const householdSame =
    existing.headName === row.headName && existing.memberCount === row.memberCount && existing.status === row.status && (row.idCardNumber === null || existing.idCardNumber === row.idCardNumber);
  const p = existing.participations[row.benefitType];
  if (!p) return { outcome: "newParticipation" };
  const same = householdSame && p.active && p.weight === row.weight && (p.landMu ?? null) === row.landMu;
  return { outcome: same ? "unchanged" : "updated" };
}

export interface PreviewCounts {
  rows: number;
  newHouseholds: number;
  newParticipations: number;
  updated: number;
  unchanged: number;
  errors: number;
}

export function emptyCounts(): PreviewCounts {
  return { rows: 0, newHouseholds: 0, newParticipations: 0, updated: 0, unchanged: 0, errors: 0 };
}

