import "server-only";
// The audit log as admins read it: filtered by who (the actor's email), what (the action, or its prefix such as
// "cooperative."), when (Beijing days, from–to inclusive), newest first (or by action or actor), sorted and paged in the database.
import type { Db } from "@/lib/db/client";
import { startOfBeijingDay } from "@/lib/domain/calendar";
import { firstParam, type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_LIST = { sorts: ["created", "action", "actor"], dirs: { action: "asc", actor: "asc" }, pageSize: 50 } as const satisfies ListSpec<string>;
export type AuditSort = (typeof AUDIT_LIST.sorts)[number];

export interface AuditQuery extends ListQuery<AuditSort> {
  who: string;
  what: string;
  from: string | null;
  to: string | null;
}

const first = firstParam;
// eslint-disable-next-line no-control-regex -- PostgreSQL refuses a NUL byte: control characters become spaces
const clean = (v: string | undefined, max: number) => (v ?? "").replace(/[\u0000-\u001F\u007F]/g, " ").trim().slice(0, max);
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export function parseAuditQuery(params: SearchParams): AuditQuery & { badDates: boolean } {
  const from = clean(first(params.from), 10);
  const to = clean(first(params.to), 10);
  const badDates = Boolean((from && !isDay(from)) || (to && !isDay(to)) || (from && to && isDay(from) && isDay(to) && from > to));
  return {
    who: clean(first(params.who), 254).toLowerCase(),
    what: clean(first(params.what), 60),
    from: !badDates && from ? from : null,
    to: !badDates && to ? to : null,
    ...parseListQuery(params, AUDIT_LIST),
    badDates,
  };
}

/** The day after a Beijing calendar day, as a YYYY-MM-DD string. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function listAuditLog(db: Db, query: AuditQuery) {
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = startOfBeijingDay(query.from);
  if (query.to) createdAt.lt = startOfBeijingDay(nextDay(query.to));
  const where: Prisma.AuditLogWhereInput = {
    ...(query.who ? { actor: { email: { contains: query.who, mode: "insensitive" } } } : {}),
    ...(query.what ? { action: { startsWith: query.what } } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: auditOrder(query),
      ...pageWindow(query.page, AUDIT_LIST.pageSize),
      select: { id: true, action: true, entityType: true, entityId: true, ip: true, metadata: true, createdAt: true, actor: { select: { email: true } } },
    }),
  ]);
  return { total, pages: pageCount(total, AUDIT_LIST.pageSize), rows };
}

/** ORDER BY for the chosen column; ties broken by time then id, so a page never repeats or skips a row. */
function auditOrder({ sort, dir }: AuditQuery): Prisma.AuditLogOrderByWithRelationInput[] {
  const tail: Prisma.AuditLogOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  if (sort === "action") return [{ action: dir }, ...tail];
  if (sort === "actor") return [{ actor: { email: dir } }, ...tail];
  return [{ createdAt: dir }, { id: dir }];
}

/** Metadata in one short line: `key=value` pairs, long values cut. */
export function compactMetadata(metadata: unknown, max = 160): string {
  if (metadata === null || metadata === undefined) return "";
  const parts =
    typeof metadata === "object" && !Array.isArray(metadata)
      ? Object.entries(metadata as Record<string, unknown>).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      : [JSON.stringify(metadata)];
  const line = parts.join(" · ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
