"use client";
// Uploads the photos a manager picks, one server-action call per file (each call is one photo: a failure
// touches only its own file), with progress and each file's own result. Without JavaScript the same form posts
// one photo to the same action.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState, useSyncExternalStore } from "react";
import { PHOTO_LIMITS } from "@/lib/domain/photo-rules";
import type { ActionState } from "@/lib/action-state";
import { uploadPhotoAction } from "@/lib/server/actions/coop/photo-upload";

const noSubscription = () => () => {};

type Item = { name: string; status: "waiting" | "uploading" | "uploaded" | "error"; message?: string };

export function PhotoUploader({ cooperativeId, productId }: { cooperativeId: string; productId: string }) {
  const t = useTranslations("photos");
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(uploadPhotoAction, undefined);
  // False in the server's HTML (a no-JS form posts one file), true once React runs in the browser.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState(false);

  const update = (i: number, item: Partial<Item>) => setItems((all) => all.map((it, j) => (j === i ? { ...it, ...item } : it)));

  async function uploadAll(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (!files.length) {
      setItems([{ name: "", status: "error", message: t("upload.noFile") }]);
      return;
    }
    setBusy(true);
    setItems(files.map((f) => ({ name: f.name, status: "waiting" })));
    for (const [i, file] of files.entries()) {
      // Refused here without sending 10+ MB over a phone connection; the server checks again.
      if (file.size > PHOTO_LIMITS.maxBytes) {
        update(i, { status: "error", message: t("refusal.tooLarge") });
        continue;
      }
      update(i, { status: "uploading" });
      const fd = new FormData();
      fd.set("cooperativeId", cooperativeId);
      fd.set("productId", productId);
      fd.set("file", file);
      try {
        const result = await uploadPhotoAction(undefined, fd);
        update(i, result.ok ? { status: "uploaded" } : { status: "error", message: result.message });
      } catch {
        update(i, { status: "error", message: t("upload.failed") });
      }
    }
    setBusy(false);
    if (input.current) input.current.value = "";
    router.refresh();
  }

  const total = items.length;
  const finished = items.filter((i) => i.status === "uploaded" || i.status === "error").length;
  const current = items.findIndex((i) => i.status === "uploading");
  return (
    <form action={formAction} onSubmit={hydrated ? uploadAll : undefined} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm" data-testid="photo-uploader">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="productId" value={productId} />
      <div>
        <label htmlFor={inputId} className="text-sm font-medium">
          {t("upload.label")}
        </label>
        <input
          ref={input}
          id={inputId}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple={hydrated}
          aria-describedby={`${inputId}-hint`}
          className="mt-1 block w-full text-base file:mr-3 file:rounded-lg file:border-0 file:bg-earth-100 file:px-4 file:py-2.5"
        />
        <p id={`${inputId}-hint`} className="mt-1 text-sm text-earth-600">
          {t("upload.hint")} {!hydrated && t("noJsHint")}
        </p>
      </div>
      <button type="submit" disabled={busy || pending} aria-busy={busy || pending} className="w-full rounded-lg bg-wine-700 px-5 py-3 font-medium text-white hover:bg-wine-800 disabled:opacity-60 sm:w-auto">
        {t("upload.submit")}
      </button>
      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-leaf-50 text-leaf-700" : "bg-wine-50 text-wine-700"}`}>
          {state.message}
        </p>
      )}
      {total > 0 && (
        <div className="space-y-2">
          <progress value={finished} max={total} className="h-2 w-full" aria-label={t("upload.listLabel")} />
          <p role="status" className="text-sm">
            {busy && current >= 0
              ? t("upload.progress", { current: current + 1, total })
              : !busy && t("upload.summary", { done: items.filter((i) => i.status === "uploaded").length, failed: items.filter((i) => i.status === "error").length })}
          </p>
          <ul aria-label={t("upload.listLabel")} className="divide-y divide-earth-100 text-sm">
            {items.map((item, i) => (
              <li key={`${i}-${item.name}`} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                <span className="min-w-0 truncate">{item.name}</span>
                <span className={item.status === "error" ? "text-wine-700" : item.status === "uploaded" ? "text-leaf-700" : "text-earth-600"}>
                  {item.status === "error" ? item.message : t(`upload.${item.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
