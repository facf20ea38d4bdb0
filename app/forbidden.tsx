import Link from "next/link";
import { getT } from "@/lib/server/i18n";

export default async function Forbidden() {
  const t = await getT();
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">{t("areas.forbiddenTitle")}</h1>
      <p className="mt-3 text-earth-600">{t("areas.forbiddenBody")}</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white">
        {t("errors.backHome")}
      </Link>
    </div>
  );
}
