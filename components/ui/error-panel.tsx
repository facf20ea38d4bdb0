"use client";
// The body of every route group's error.tsx: a translated apology and a retry, never the exception's text
// (the server logs it with the digest shown here, so support can find it).
import { useTranslations } from "next-intl";

export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">{t("serverTitle")}</h1>
      <p className="mt-3 text-earth-600">{t("serverBody")}</p>
      {error.digest && <p className="mt-2 text-xs text-earth-600">{t("reference", { digest: error.digest })}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white">
        {t("retry")}
      </button>
    </div>
  );
}
