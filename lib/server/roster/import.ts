import "server-only";
// Importing a roster file as cooperatives keep it (Excel, or a CSV saved from it): read it (XLSX; CSV in UTF-8
// with or without BOM, UTF-16 or GBK), check it row by row (lib/domain/roster.ts), store what the preview
// showed (RosterImport: the parsed rows, each row's problems and what it would change), and commit it later in
// one transaction: all rows or none. A commit is refused when any row has a problem, when the import belongs
// to another cooperative, was committed already, is older than a day, or when the roster changed since the
// preview so that a row would now do something else than the preview said (stale).
import Papa from "papaparse";
import { readSheet } from "read-excel-file/universal";
import type { Db } from "@/lib/db/client";
import {
  checkRosterTable,
  classifyRow,
  emptyCounts,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  maskName,
  type CheckedLine,
  type ExistingHousehold,
  type PreviewCounts,
  type RowOutcome,
  type RowProblem,
  type RosterRow,
} from "@/lib/domain/roster";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { rosterVillages } from "./villages";

type Tx = Prisma.TransactionClient;

/** How long a preview may be committed after it was made. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

export type ReadResult = { ok: true; table: string[][]; encoding: string } | { ok: false; problem: RowProblem };

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The file's cells as text. Encoding of a CSV: a BOM says it; else strict UTF-8, else GBK (Excel on a Chinese Windows). */
export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, problem: { field: "file", key: "tooLarge", params: { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 } } };
  if (bytes.byteLength === 0) return { ok: false, problem: { field: "file", key: "empty" } };
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b) || /\.xlsx$/i.test(fileName)) {
    try {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const data = await readSheet(buffer);
      return { ok: true, encoding: "xlsx", table: data.map((row) => row.map(cellText)) };
    } catch {
      return { ok: false, problem: { field: "file", key: "unreadable" } };
    }
  }
  const { text, encoding } = decode(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const table = parsed.data.filter((r) => Array.isArray(r));
  return { ok: true, encoding, table };
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  // Excel stores 2.3 as 2.2999999999999998: ten significant decimals are enough for 亩 and counts.
  if (typeof cell === "number") return String(Number(cell.toFixed(10)));
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "string" || typeof cell === "boolean") return String(cell);
  return "";
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: Excel's "CSV" on a Chinese Windows writes GBK. Decoded as GB18030, its superset: Node's "gbk"
    // decoder turns GB18030's four-byte characters (rare names, e.g. 𠮷) into U+FFFD.
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gbk" };
  }
}

/** One line as stored in RosterImport.rows. Rows with problems keep what was read (raw) for the preview. */
export interface StoredLine {
  line: number;
  row: RosterRow | null;
  problems: RowProblem[];
  outcome: RowOutcome | null;
  /** Masked: the preview shows a problem line's name masked, and nothing else of it. */
  maskedName?: string;
  code?: string;
}

interface StoredImport {
  version: 1;
  encoding: string;
  counts: PreviewCounts;
  fileProblems: RowProblem[];
  lines: StoredLine[];
}

async function existingHouseholds(db: Db | Tx, cooperativeId: string, codes: string[]): Promise<Map<string, ExistingHousehold>> {
  const out = new Map<string, ExistingHousehold>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db.household.findMany({
      where: { code: { in: codes.slice(i, i + 5000) } },
      select: {
        id: true,
        code: true,
        villageId: true,
        headName: true,
        memberCount: true,
        status: true,
        idCardNumber: true,
        participations: { where: { cooperativeId }, select: { benefitType: true, weight: true, landMu: true, active: true } },
      },
    });
    for (const h of rows) {
      const participations: ExistingHousehold["participations"] = {};
      for (const p of h.participations) participations[p.benefitType] = { weight: p.weight, landMu: p.landMu === null ? null : p.landMu.toFixed(2), active: p.active };
      out.set(h.code, { id: h.id, villageId: h.villageId, headName: h.headName, memberCount: h.memberCount, status: h.status, idCardNumber: h.idCardNumber, participations });
    }
  }
  return out;
}

const COUNT_OF = { newHousehold: "newHouseholds", newParticipation: "newParticipations", updated: "updated", unchanged: "unchanged" } as const satisfies Record<RowOutcome, keyof PreviewCounts>;

/** Classifies every valid line against what is stored; lines with a problem found here get it added. */
function classify(lines: readonly CheckedLine[], existing: Map<string, ExistingHousehold>): { lines: StoredLine[]; counts: PreviewCounts } {
  const counts = emptyCounts();
  const newCodes = new Set<string>();
  const out: StoredLine[] = lines.map((l) => {
    counts.rows++;
    let outcome: RowOutcome | null = null;
    const problems = [...l.problems];
    if (l.row) {
      const c = classifyRow(l.row, existing.get(l.row.code));
      if ("problem" in c) problems.push(c.problem);
      else {
        outcome = c.outcome === "newHousehold" && newCodes.has(l.row.code) ? "newParticipation" : c.outcome;
        if (c.outcome === "newHousehold") newCodes.add(l.row.code);
      }
    }
    if (problems.length > 0) {
      counts.errors++;
      return { line: l.line, row: null, problems, outcome: null, maskedName: maskName(l.raw.headName ?? ""), code: (l.raw.code ?? "").slice(0, 40) };
    }
    if (outcome) counts[COUNT_OF[outcome]]++;
    return { line: l.line, row: l.row, problems, outcome };
  });
  return { lines: out, counts };
}

export interface PreviewSummary {
  importId: string | null;
  fileName: string;
  valid: boolean;
  counts: PreviewCounts;
  fileProblems: RowProblem[];
  /** The first lines with problems, in file order (name masked). */
  firstProblems: { line: number; code: string; maskedName: string; problems: RowProblem[] }[];
  committedAt: Date | null;
}

export const FIRST_PROBLEMS = 20;

function summarize(id: string | null, fileName: string, stored: StoredImport, committedAt: Date | null): PreviewSummary {
  return {
    importId: id,
    fileName,
    valid: stored.fileProblems.length === 0 && stored.counts.errors === 0,
    counts: stored.counts,
    fileProblems: stored.fileProblems,
    firstProblems: stored.lines
      .filter((l) => l.problems.length > 0)
      .slice(0, FIRST_PROBLEMS)
      .map((l) => ({ line: l.line, code: l.code ?? "", maskedName: l.maskedName ?? "", problems: l.problems })),
    committedAt,
  };
}

/**
 * Reads and checks a file and stores the preview (nothing of the roster is written). A file refused as a whole
 * (too large, too many rows, unreadable, missing columns) is not stored: the summary then has no importId.
 */
export async function previewRosterImport(db: Db, input: { cooperativeId: string; actorId: string; fileName: string; bytes: Uint8Array }): Promise<PreviewSummary> {
  const fileName = input.fileName.slice(0, 200) || "roster";
  const read = await readRosterFile(input.bytes, fileName);
  const refuse = (problem: RowProblem): PreviewSummary => ({ importId: null, fileName, valid: false, counts: emptyCounts(), fileProblems: [problem], firstProblems: [], committedAt: null });
  if (!read.ok) return refuse(read.problem);
  // Counted before any row is checked: a 50,000-row file is refused at once.
  const dataRows = read.table.length - 1;
  if (dataRows > IMPORT_MAX_ROWS && read.table.slice(1).filter((r) => r.some((c) => c.trim() !== "")).length > IMPORT_MAX_ROWS)
    return refuse({ field: "file", key: "tooManyRows", params: { max: IMPORT_MAX_ROWS, rows: dataRows } });
  const checked = checkRosterTable(read.table, await rosterVillages(db));
  if (checked.fileProblems.length > 0) return refuse(checked.fileProblems[0]!);
  const codes = [...new Set(checked.lines.flatMap((l) => (l.row ? [l.row.code] : [])))];
  const { lines, counts } = classify(checked.lines, await existingHouseholds(db, input.cooperativeId, codes));
  const stored: StoredImport = { version: 1, encoding: read.encoding, counts, fileProblems: [], lines };
  const valid = counts.errors === 0;
  const saved = await db.rosterImport.create({
    data: { cooperativeId: input.cooperativeId, actorId: input.actorId, fileName, rows: stored as unknown as Prisma.InputJsonValue, valid },
    select: { id: true },
  });
  return summarize(saved.id, fileName, stored, null);
}

/** A stored preview of the cooperative (null for another cooperative's or an unknown id). */
export async function getRosterImport(db: Db, input: { cooperativeId: string; importId: string }): Promise<PreviewSummary | null> {
  const found = await db.rosterImport.findFirst({ where: { id: input.importId, cooperativeId: input.cooperativeId }, select: { id: true, fileName: true, rows: true, committedAt: true } });
  if (!found) return null;
  return summarize(found.id, found.fileName, found.rows as unknown as StoredImport, found.committedAt);
}

export type CommitResult = { ok: true; counts: PreviewCounts } | { ok: false; status: number; key: "notFound" | "hasErrors" | "committed" | "stale" };

class Stale extends Error {}

/**
 * Writes the preview's rows in one transaction, or nothing. The cooperative's imports are serialized by an
 * advisory lock, the import's row is locked, and every row is classified again against the roster as it is
 * now: any row that would do something else than the preview showed makes the whole import stale.
 */
export async function commitRosterImport(db: Db, input: { cooperativeId: string; actorId: string; importId: string; now?: Date }): Promise<CommitResult> {
  const now = input.now ?? new Date();
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roster:${input.cooperativeId}`}))`;
        const locked = await tx.$queryRaw<{ id: string; valid: boolean; committedAt: Date | null; createdAt: Date }[]>`
          SELECT "id", "valid", "committedAt", "createdAt" FROM "RosterImport" WHERE "id" = ${input.importId} AND "cooperativeId" = ${input.cooperativeId} FOR UPDATE`;
        const imp = locked[0];
        if (!imp) return { ok: false as const, status: 404, key: "notFound" as const };
        if (imp.committedAt) return { ok: false as const, status: 409, key: "committed" as const };
        if (!imp.valid) return { ok: false as const, status: 422, key: "hasErrors" as const };
        if (now.getTime() - imp.createdAt.getTime() > PREVIEW_TTL_MS) return { ok: false as const, status: 409, key: "stale" as const };
        const { rows } = await tx.rosterImport.findUniqueOrThrow({ where: { id: imp.id }, select: { rows: true } });
        const stored = rows as unknown as StoredImport;
        const valid = stored.lines.filter((l): l is StoredLine & { row: RosterRow; outcome: RowOutcome } => l.row !== null && l.outcome !== null);
        if (valid.length !== stored.lines.length || stored.counts.errors > 0) return { ok: false as const, status: 422, key: "hasErrors" as const };

        const codes = [...new Set(valid.map((l) => l.row.code))];
        const existing = await existingHouseholds(tx, input.cooperativeId, codes);
        const again = classify(
          valid.map((l) => ({ line: l.line, row: l.row, raw: {}, problems: [] })),
          existing,
        );
        if (again.lines.some((l, i) => l.outcome !== valid[i]!.outcome)) throw new Stale();

        await apply(tx, input.cooperativeId, valid, existing, now);
        await tx.rosterImport.update({ where: { id: imp.id }, data: { committedAt: now } });
        await audit(tx, { action: "roster.imported", actorId: input.actorId, entityType: "RosterImport", entityId: imp.id, metadata: { cooperativeId: input.cooperativeId, counts: { ...stored.counts } } });
        return { ok: true as const, counts: stored.counts };
      },
      { maxWait: 30_000, timeout: 300_000 },
    );
  } catch (error) {
    if (error instanceof Stale) return { ok: false, status: 409, key: "stale" };
    // A household code created meanwhile by someone else's add: the preview no longer holds.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, status: 409, key: "stale" };
    throw error;
  }
}

async function apply(tx: Tx, cooperativeId: string, lines: readonly (StoredLine & { row: RosterRow; outcome: RowOutcome })[], existing: Map<string, ExistingHousehold>, now: Date) {
  const household = (r: RosterRow) => ({ headName: r.headName, memberCount: r.memberCount, status: r.status, ...(r.idCardNumber ? { idCardNumber: r.idCardNumber } : {}) });
  const created = lines.filter((l) => l.outcome === "newHousehold");
  if (created.length > 0) await tx.household.createMany({ data: created.map((l) => ({ code: l.row.code, villageId: l.row.villageId, ...household(l.row) })) });
  const ids = new Map([...existing].map(([code, h]) => [code, h.id]));
  if (created.length > 0) {
    const rows = await tx.household.findMany({ where: { code: { in: created.map((l) => l.row.code) } }, select: { id: true, code: true } });
    for (const r of rows) ids.set(r.code, r.id);
  }
  const mu = (r: RosterRow) => (r.landMu === null ? null : new Prisma.Decimal(r.landMu));
  const newParticipations = lines.filter((l) => l.outcome === "newHousehold" || l.outcome === "newParticipation");
  if (newParticipations.length > 0)
    await tx.householdParticipation.createMany({
      data: newParticipations.map((l) => ({ householdId: ids.get(l.row.code)!, cooperativeId, benefitType: l.row.benefitType, weight: l.row.weight, landMu: mu(l.row), since: now })),
    });
  const updatedHouseholds = new Set<string>();
  for (const l of lines) {
    if (l.outcome === "newHousehold" || l.outcome === "unchanged") continue;
    const h = existing.get(l.row.code);
    // A second line of a household the file creates: created above with its fields.
    if (!h) continue;
    // The household's own fields only from a cooperative it already takes part in (see addHousehold).
    if (Object.keys(h.participations).length > 0 && !updatedHouseholds.has(h.id)) {
      updatedHouseholds.add(h.id);
      const same = h.headName === l.row.headName && h.memberCount === l.row.memberCount && h.status === l.row.status && (l.row.idCardNumber === null || l.row.idCardNumber === h.idCardNumber);
      if (!same) await tx.household.update({ where: { id: h.id }, data: household(l.row) });
    }
    if (l.outcome !== "updated") continue;
    const p = h.participations[l.row.benefitType]!;
    await tx.householdParticipation.update({
      where: { householdId_cooperativeId_benefitType: { householdId: h.id, cooperativeId, benefitType: l.row.benefitType } },
      data: { weight: l.row.weight, landMu: mu(l.row), ...(p.active ? {} : { active: true, endedAt: null, since: now }) },
    });
  }
}
