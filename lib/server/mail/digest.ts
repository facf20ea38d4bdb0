import "server-only";
// The managers' daily digest: once per Beijing day, from 08:00, each cooperative with paid shipments waiting to
// be packed (shipment PENDING, order PAID or PARTIALLY_SHIPPED) mails each of its managers the list, oldest
// payment first, in the manager's language. Work mail: sent whatever the manager's opt-out says. A dedupe key
// per cooperative, manager and day means several processes, retries and every later tick that day send one;
// a tick once today's are written costs three small reads.
import { beijingDayOf } from "@/lib/domain/calendar";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { absoluteUrl } from "@/lib/server/env";
import { body, lineTexts, mailContext } from "@/lib/server/notify/common";
import { enqueueMail } from "./outbox";

/** The Beijing hour from which the day's digest goes out. */
export const DIGEST_HOUR = 8;
/** Shipments listed in one mail; the rest are counted. */
export const DIGEST_MAX_SHIPMENTS = 30;

const WAITING: Prisma.ShipmentWhereInput = { status: "PENDING", order: { status: { in: ["PAID", "PARTIALLY_SHIPPED"] } } };

export const digestKey = (cooperativeId: string, managerId: string, day: string) => `coop-digest:${cooperativeId}:${managerId}:${day}`;

/** Enqueues today's digests not yet written. Returns how many mails this call wrote. */
export async function sendDailyDigests(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const day = beijingDayOf(now);
  if (new Date(now.getTime() + 8 * 3_600_000).getUTCHours() < DIGEST_HOUR) return 0;

  const waiting = await db.shipment.groupBy({ by: ["cooperativeId"], where: WAITING, _count: { _all: true }, orderBy: { cooperativeId: "asc" } });
  if (waiting.length === 0) return 0;
  const managers = await db.cooperativeManager.findMany({
    where: { cooperativeId: { in: waiting.map((w) => w.cooperativeId) }, user: { disabledAt: null } },
    select: { cooperativeId: true, user: { select: { id: true, email: true, locale: true } } },
  });
  const keys = managers.map((m) => digestKey(m.cooperativeId, m.user.id, day));
  const done = new Set((await db.mailMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((r) => r.dedupeKey));
  const due = managers.filter((m) => !done.has(digestKey(m.cooperativeId, m.user.id, day)));
  if (due.length === 0) return 0;

  let written = 0;
  for (const cooperativeId of new Set(due.map((m) => m.cooperativeId))) {
    const [cooperative, shipments] = await Promise.all([
      db.cooperative.findUniqueOrThrow({ where: { id: cooperativeId }, select: { nameZh: true, nameEn: true } }),
      db.shipment.findMany({
        where: { cooperativeId, ...WAITING },
        orderBy: [{ order: { paidAt: "asc" } }, { id: "asc" }],
        take: DIGEST_MAX_SHIPMENTS,
        select: {
          order: { select: { number: true, paidAt: true } },
          items: { orderBy: { id: "asc" }, select: { nameZh: true, nameEn: true, quantity: true, lineTotalFen: true } },
        },
      }),
    ]);
    const total = waiting.find((w) => w.cooperativeId === cooperativeId)?._count._all ?? shipments.length;
    for (const { user } of due.filter((m) => m.cooperativeId === cooperativeId)) {
      const c = mailContext(user.locale);
      const { t } = c;
      const name = c.name(cooperative);
      const id = await enqueueMail(db, {
        to: user.email,
        kind: "coop-digest",
        dedupeKey: digestKey(cooperativeId, user.id, day),
        subject: t("mail.digest.subject", { cooperative: name, count: total }),
        text: body(c, [
          t("mail.digest.intro", { cooperative: name }),
          ...shipments.map((s) => [t("mail.digest.shipment", { number: s.order.number, paidAt: s.order.paidAt ? c.time(s.order.paidAt) : "" }), ...lineTexts(c, s.items)]),
          total > shipments.length && t("mail.digest.more", { count: total - shipments.length }),
          t("mail.digest.link", { url: absoluteUrl("/coop/orders") }),
        ]),
      });
      if (id) written++;
    }
  }
  return written;
}
