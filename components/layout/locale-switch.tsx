import { setLocale } from "@/lib/server/actions/locale/set-locale";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

/** A plain form, so switching language works without JavaScript too. */
export function LocaleSwitch({ locale, t }: { locale: Locale; t: Translate }) {
  const other: Locale = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other === "en" ? "en" : "zh-CN"}
        aria-label={t("nav.switchToLabel")}
        className="rounded-full border border-earth-600/40 px-3 py-1.5 text-sm font-medium hover:bg-earth-100"
      >
        {t("nav.switchTo")}
      </button>
    </form>
  );
}
