import { AreaShell } from "@/components/layout/area-shell";
import { guardPage } from "@/lib/server/authz";

/** The admin area (县电商服务中心): admins only. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin");
  return <AreaShell>{children}</AreaShell>;
}
