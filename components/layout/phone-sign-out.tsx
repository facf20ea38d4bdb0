import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { signOutAction } from "@/lib/server/actions/auth/sign-out";

/**
 * Sign-out for the signed-in areas on a phone: the header has no room for it below `sm:`
 * (components/layout/header-account.tsx), so each area's layout shows this there instead.
 */
export function PhoneSignOut() {
  const t = useTranslations("nav");
  return <ActionForm action={signOutAction} submitLabel={t("signOut")} variant="secondary" className="ml-auto sm:hidden [&_button]:px-3 [&_button]:py-2 [&_button]:text-sm" />;
}
