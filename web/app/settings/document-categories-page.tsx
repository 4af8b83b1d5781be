import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { EditableList } from "./editable-list";
import { documentCategoriesQuery, useDocumentCategoryMutations } from "./settings-api";

/** `/app/settings/document-categories`: the firm's document categories; keys never change. */
export function DocumentCategoriesPage() {
  const { t } = useTranslation();
  const categories = useQuery(documentCategoriesQuery);
  const { create, update } = useDocumentCategoryMutations();
  if (categories.isPending) return <Loading />;
  if (categories.isError) {
    return <LoadError heading="h2" error={categories.error} onRetry={() => void categories.refetch()} />;
  }
  return (
    <EditableList
      words={{
        title: t("settings.categories.title"),
        intro: t("settings.categories.intro"),
        codeLabel: t("settings.categories.key"),
        codeHint: t("settings.categories.keyHint"),
        codeField: "key",
        nameLabel: t("settings.categories.name"),
        addTitle: t("settings.categories.add"),
        empty: t("settings.categories.empty"),
      }}
      entries={categories.data.map((c) => ({ id: c.id, code: c.key, name: c.name, active: c.active }))}
      codeEditable={false}
      onCreate={({ code, name }) => create.mutateAsync({ key: code, name })}
      onUpdate={(id, { name, active }) => update.mutateAsync({ id, name, active })}
    />
  );
}
