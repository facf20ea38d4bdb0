import "server-only";
// A user's own account data. Each read takes the user's id from the session (never from the request).
import { db } from "@/lib/server/db";

export async function getAccountProfile(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, phone: true, role: true, buyerType: true, institution: { select: { unitName: true, invoiceTitle: true, taxId: true } } },
  });
}

export async function listAddresses(userId: string) {
  return db.address.findMany({
    where: { userId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: { id: true, recipient: true, phone: true, district: true, street: true, isDefault: true },
  });
}

/** The cooperatives a manager manages (names only). */
export async function listManagedCooperatives(cooperativeIds: readonly string[]) {
  return db.cooperative.findMany({
    where: { id: { in: [...cooperativeIds] } },
    select: { id: true, slug: true, nameZh: true, nameEn: true, status: true },
    orderBy: { slug: "asc" },
  });
}
