import { MessagePage } from "@/components/ui/message-page";
import { getT } from "@/lib/server/i18n";

export default async function Forbidden() {
  const t = await getT();
  return <MessagePage title={t("areas.forbiddenTitle")} body={t("areas.forbiddenBody")} homeLabel={t("errors.backHome")} />;
}
