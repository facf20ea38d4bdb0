import { PhoneSignOut } from "@/components/layout/phone-sign-out";
import { guardPage } from "@/lib/server/authz";

/** The admin area (县电商服务中心): admins only. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin");
  return (
    <div className="space-y-4">
      <div className="flex sm:hidden">
        <PhoneSignOut />
      </div>
      {children}
    </div>
  );
}
