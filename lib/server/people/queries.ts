import "server-only";
// Reads for the admins' cooperative administration: each cooperative's status, managers and pending invites, and
// the choices the "new cooperative" form offers. Admin pages only (guardPage ADMIN before calling).
import type { Db } from "@/lib/db/client";

export async function cooperativesAdmin(db: Db, now = new Date()) {
  const rows = await db.cooperative.findMany({
    orderBy: [{ createdAt: "desc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      status: true,
      shippingFeeFen: true,
      freeShippingMinFen: true,
      village: { select: { nameZh: true, nameEn: true } },
      managers: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, email: true, name: true, disabledAt: true } } } },
      _count: { select: { managerInvites: { where: { usedAt: null, expiresAt: { gt: now } } } } },
    },
  });
  return rows.map(({ managers, _count, ...c }) => ({ ...c, managers: managers.map((m) => m.user), pendingInvites: _count.managerInvites }));
}

export async function cooperativeFormChoices(db: Db) {
  const [villages, enterprises] = await Promise.all([
    db.village.findMany({ orderBy: { slug: "asc" }, select: { id: true, nameZh: true, nameEn: true, township: { select: { nameZh: true, nameEn: true } } } }),
    db.enterprise.findMany({ orderBy: { slug: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  return { villages, enterprises };
}
