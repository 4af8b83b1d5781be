import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { EditableList } from "./editable-list";
import { linesOfBusinessQuery, useLineOfBusinessMutations } from "./settings-api";

/** `/app/settings/lines-of-business`: the firm's lines of business (Sparten). */
export function LinesOfBusinessPage() {
  const { t } = useTranslation();
  const lines = useQuery(linesOfBusinessQuery);
  const { create, update } = useLineOfBusinessMutations();
  if (lines.isPending) return <Loading />;
  if (lines.isError)
    return <LoadError heading="h2" error={lines.error} onRetry={() => void lines.refetch()} />;
  return (
    <EditableList
      words={{
        title: t("settings.lines.title"),
        intro: t("settings.lines.intro"),
        codeLabel: t("settings.lines.code"),
        codeHint: t("settings.lines.codeHint"),
        codeField: "code",
        nameLabel: t("settings.lines.name"),
        addTitle: t("settings.lines.add"),
        empty: t("settings.lines.empty"),
      }}
      entries={lines.data}
      codeEditable
      onCreate={(values) => create.mutateAsync(values)}
      onUpdate={(id, values) => update.mutateAsync({ id, ...values })}
    />
  );
}
