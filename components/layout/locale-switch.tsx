import { useLocale, useTranslations } from "next-intl";
import { setLocale } from "@/lib/server/actions/locale/set-locale";
import type { Locale } from "@/lib/i18n/config";

/** A plain form, so switching language works without JavaScript too. */
export function LocaleSwitch() {
  const t = useTranslations("nav");
  const other: Locale = useLocale() === "en" ? "zh-CN" : "en";
  return (
    <form action={setLocale} className="shrink-0">
      <input type="hidden" name="locale" value={other} />
      {/* The visible text is the accessible name (WCAG 2.5.3); the title says what it does. */}
      <button
        type="submit"
        lang={other === "en" ? "en" : "zh-CN"}
        title={t("switchToLabel")}
        className="whitespace-nowrap rounded-full border border-earth-600/40 px-2.5 py-1.5 text-sm font-medium hover:bg-earth-100 sm:px-3"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
