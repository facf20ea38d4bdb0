import { MessagePage } from "@/components/ui/message-page";
import { getT } from "@/lib/server/i18n";

// A record that is not there (or is another cooperative's): said inside the console, which the reader may use.
export default async function NotFound() {
  const t = await getT();
  return <MessagePage title={t("errors.notFoundTitle")} body={t("errors.notFoundBody")} homeLabel={t("errors.backHome")} />;
}
