import { PhoneSignOut } from "@/components/layout/phone-sign-out";
import { guardPage } from "@/lib/server/authz";

/** The cooperative area: managers only. Each page and action below also checks which cooperative. */
export default async function CoopLayout({ children }: { children: React.ReactNode }) {
  await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop");
  return (
    <div className="space-y-4">
      <div className="flex sm:hidden">
        <PhoneSignOut />
      </div>
      {children}
    </div>
  );
}
