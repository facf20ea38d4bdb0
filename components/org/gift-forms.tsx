"use client";
// The gift list's forms: upload a file for a preview, place a previewed list, discard one. Plain forms bound to
// their actions (lib/server/actions/org/gift-*.ts), working without JavaScript too.
import { ActionForm, Field } from "@/components/ui/action-form";
import { discardGiftListAction } from "@/lib/server/actions/org/gift-discard";
import { placeGiftListAction } from "@/lib/server/actions/org/gift-place";
import { uploadGiftListAction } from "@/lib/server/actions/org/gift-upload";

export function GiftUploadForm({ labels }: { labels: { file: string; hint: string; submit: string } }) {
  return (
    <ActionForm action={uploadGiftListAction} submitLabel={labels.submit} testId="gift-upload">
      <Field
        name="file"
        type="file"
        label={labels.file}
        hint={labels.hint}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        required
      />
    </ActionForm>
  );
}

export function GiftPlaceForm({ giftListId, label }: { giftListId: string; label: string }) {
  return (
    <ActionForm action={placeGiftListAction} submitLabel={label} testId="gift-place">
      <input type="hidden" name="giftListId" value={giftListId} />
    </ActionForm>
  );
}

export function GiftDiscardForm({ giftListId, label }: { giftListId: string; label: string }) {
  return (
    <ActionForm action={discardGiftListAction} submitLabel={label} variant="danger" testId="gift-discard">
      <input type="hidden" name="giftListId" value={giftListId} />
    </ActionForm>
  );
}
