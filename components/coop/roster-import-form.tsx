"use client";
// Upload a roster file for a preview; commit a preview. Both are plain forms bound to their actions.
import { ActionForm, Field } from "@/components/ui/action-form";
import { commitRosterAction } from "@/lib/server/actions/coop/roster-commit";
import { previewRosterAction } from "@/lib/server/actions/coop/roster-preview";

export function RosterUploadForm({ cooperativeId, labels }: { cooperativeId: string; labels: { file: string; hint: string; submit: string } }) {
  return (
    <ActionForm action={previewRosterAction} submitLabel={labels.submit} testId="roster-upload">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
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

export function RosterCommitForm({ cooperativeId, importId, label }: { cooperativeId: string; importId: string; label: string }) {
  return (
    <ActionForm action={commitRosterAction} submitLabel={label} testId="roster-commit">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="importId" value={importId} />
    </ActionForm>
  );
}
