import { PhoneSignOut } from "./phone-sign-out";

/** The frame of a signed-in working area (cooperative, admin): sign-out on a phone, then the page. */
export function AreaShell({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <div className="flex sm:hidden">
        <PhoneSignOut />
      </div>
      {children}
    </div>
  );
}
