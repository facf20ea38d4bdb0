"use client";
// One photo's order and delete buttons. Plain forms: they work before (and without) JavaScript.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { deletePhotoAction } from "@/lib/server/actions/coop/photo-delete";
import { reorderPhotoAction } from "@/lib/server/actions/coop/photo-reorder";

const button = "min-h-11 rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-sm font-medium hover:bg-earth-100 disabled:opacity-50";

function Message({ state }: { state: ActionState | undefined }) {
  if (!state?.message || state.ok) return null;
  return (
    <p role="alert" className="w-full rounded-lg bg-wine-50 px-3 py-2 text-sm text-wine-700">
      {state.message}
    </p>
  );
}

export function PhotoControls({ cooperativeId, productId, imageId, n, isFirst, isLast }: { cooperativeId: string; productId: string; imageId: string; n: number; isFirst: boolean; isLast: boolean }) {
  const t = useTranslations("photos");
  const [moved, move, moving] = useActionState<ActionState | undefined, FormData>(reorderPhotoAction, undefined);
  const [deleted, remove, deleting] = useActionState<ActionState | undefined, FormData>(deletePhotoAction, undefined);
  const ids = (
    <>
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="imageId" value={imageId} />
    </>
  );
  return (
    <div className="space-y-2">
      <form action={move} className="flex flex-wrap gap-2">
        {ids}
        <button type="submit" name="to" value="up" disabled={isFirst || moving} aria-label={t("moveUpLabel", { n })} className={button}>
          ↑ {t("moveUp")}
        </button>
        <button type="submit" name="to" value="down" disabled={isLast || moving} aria-label={t("moveDownLabel", { n })} className={button}>
          ↓ {t("moveDown")}
        </button>
        {!isFirst && (
          <button type="submit" name="to" value="first" disabled={moving} aria-label={t("makeCoverLabel", { n })} className={button}>
            {t("makeCover")}
          </button>
        )}
        <Message state={moved} />
      </form>
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-1 font-medium text-wine-700" aria-label={t("deleteLabel", { n })}>
          {t("delete")}
        </summary>
        <form action={remove} className="mt-2 space-y-2 rounded-lg bg-wine-50 p-3">
          {ids}
          <p>{t("confirmDelete")}</p>
          <button type="submit" disabled={deleting} className="min-h-11 rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800 disabled:opacity-60">
            {t("confirmDeleteButton")}
          </button>
          <Message state={deleted} />
        </form>
      </details>
    </div>
  );
}
