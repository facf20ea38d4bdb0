import { FrameIfMissing } from "@/components/layout/framed";
import { StorefrontFrame } from "@/components/layout/storefront-frame";
import { MessagePage } from "@/components/ui/message-page";
import { getT } from "@/lib/server/i18n";

// An unknown URL renders in the root layout alone, a page's notFound() inside its group's layout (the shop's
// frame or the console): the shop's frame is added only where there is none (components/layout/framed.tsx).
export default async function NotFound() {
  const t = await getT();
  const message = <MessagePage title={t("errors.notFoundTitle")} body={t("errors.notFoundBody")} homeLabel={t("errors.backHome")} />;
  return <FrameIfMissing framed={<StorefrontFrame>{message}</StorefrontFrame>}>{message}</FrameIfMissing>;
}
