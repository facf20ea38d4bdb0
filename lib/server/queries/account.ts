import "server-only";
// A user's own account data. Each read takes the database and the user's id from the session (never from the
// request); a manager's cooperatives are read through their scope (./coop-scope.ts).
import type { Db } from "@/lib/db/client";
import type { CoopScope } from "./coop-scope";

export async function getAccountProfile(db: Db, { userId }: { userId: string }) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, phone: true, role: true, buyerType: true, mailOptOut: true, institution: { select: { unitName: true, invoiceTitle: true, taxId: true } } },
  });
}

export async function listAddresses(db: Db, { userId }: { userId: string }) {
  return db.address.findMany({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: { id: true, recipient: true, phone: true, district: true, street: true, isDefault: true },
  });
}

/** The cooperatives the caller manages (names only). */
export async function listManagedCooperatives(db: Db, { cooperativeIds }: CoopScope) {
  return db.cooperative.findMany({
    where: { id: { in: [...cooperativeIds] } },
    select: { id: true, slug: true, nameZh: true, nameEn: true, status: true },
    orderBy: { slug: "asc" },
  });
}
