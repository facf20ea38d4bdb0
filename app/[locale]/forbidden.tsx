import { FrameIfMissing } from "@/components/layout/framed";
import { StorefrontFrame } from "@/components/layout/storefront-frame";
import { MessagePage } from "@/components/ui/message-page";
import { getT } from "@/lib/server/i18n";

// A refusal at an area's layout (a buyer at /admin) renders in the root layout alone, a page's forbidden() inside
// its group's layout: the shop's frame is added only where there is none (components/layout/framed.tsx).
export default async function Forbidden() {
  const t = await getT();
  const message = <MessagePage title={t("areas.forbiddenTitle")} body={t("areas.forbiddenBody")} homeLabel={t("errors.backHome")} />;
  return <FrameIfMissing framed={<StorefrontFrame>{message}</StorefrontFrame>}>{message}</FrameIfMissing>;
}
