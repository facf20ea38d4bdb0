import { AreaShell } from "@/components/layout/area-shell";
import { guardPage } from "@/lib/server/authz";

/** The cooperative area: managers only. Each page and action below also checks which cooperative. */
export default async function CoopLayout({ children }: { children: React.ReactNode }) {
  await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop");
  return <AreaShell>{children}</AreaShell>;
}
