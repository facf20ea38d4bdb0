import { MessagePage } from "@/components/ui/message-page";
import { getT } from "@/lib/server/i18n";

/** An unknown trace code (mistyped, of another shape, or of a product not public): say what to check. */
export default async function TraceNotFound() {
  const t = await getT();
  return <MessagePage title={t("trace.notFoundTitle")} body={t("trace.notFoundBody")} homeLabel={t("errors.backHome")} />;
}
