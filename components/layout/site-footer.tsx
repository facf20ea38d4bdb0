import { useTranslations } from "next-intl";

export function SiteFooter() {
  const t = useTranslations();
  return (
    <footer className="mt-16 border-t border-earth-100 bg-white">
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-8 text-sm text-earth-600">
        <p>{t("footer.about")}</p>
        <p>{t("footer.operator")}</p>
        <p className="rounded-md bg-earth-100 px-3 py-2 text-earth-900">{t("site.sampleData")}</p>
        <p>
          <a href="/sitemap.xml" className="underline">
            {t("footer.sitemap")}
          </a>
        </p>
      </div>
    </footer>
  );
}
