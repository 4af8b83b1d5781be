import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentCategory, DocumentDetail } from "../../../contracts/documents";
import type { Contract } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { DocumentDetailsFields, type DocumentDetailsValues } from "./document-fields";
import { useUpdateDocument } from "./documents-api";

/** Title, category, contract and date, saved together; server field errors land under their fields. */
export function DocumentDetailsForm({
  fileId,
  doc,
  categories,
  contracts,
}: {
  fileId: string;
  doc: DocumentDetail;
  categories: DocumentCategory[];
  contracts: Contract[];
}) {
  const { t } = useTranslation();
  const update = useUpdateDocument(fileId, doc.id);
  const [details, setDetails] = useState<DocumentDetailsValues>({
    title: doc.title,
    categoryId: doc.category.id,
    contractId: doc.contractId ?? "",
    documentDate: doc.documentDate ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  // A category switched off since stays offered on the document that has it, so saving keeps it.
  const choosable = categories.filter((c) => c.active || c.id === doc.category.id);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(undefined);
    try {
      await update.mutateAsync({
        title: details.title,
        categoryId: details.categoryId,
        contractId: details.contractId || null,
        documentDate: details.documentDate || null,
      });
      setMessage({ tone: "success", text: t("documents.edit.saved") });
    } catch (cause) {
      const fields = cause instanceof ApiError ? cause.fieldErrors : [];
      if (fields.length > 0) setErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
      else setMessage({ tone: "error", text: errorMessage(cause) });
    }
  };

  return (
    <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4 className="text-base font-semibold text-slate-900">{t("documents.edit.heading")}</h4>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <DocumentDetailsFields
        values={details}
        onChange={(name, value) => setDetails((current) => ({ ...current, [name]: value }))}
        errors={errors}
        categories={choosable}
        contracts={contracts}
        showContract={contracts.length > 0 || Boolean(doc.contractId)}
      />
      <Button type="submit" className="self-start" busy={update.isPending}>
        {t("documents.edit.save")}
      </Button>
    </form>
  );
}
