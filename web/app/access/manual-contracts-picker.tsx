import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { GrantFile } from "../../../contracts/grants";
import type { Contract } from "../../../contracts/records";
import { Alert } from "../../ui/alert";
import { Loading } from "../../ui/loading";
import { Pill, toneOf } from "../records/record-table";
import { contractsQuery } from "../records/records-api";
import { CheckboxField, CheckboxGroup } from "./checkbox-field";

/** The contracts of each bundled file, loaded together (the picker and the draft both need them). */
export function useFileContracts(files: readonly GrantFile[]) {
  return useQueries({
    queries: files.map((file) => contractsQuery(file.id)),
    combine: (results) => ({
      byFile: files.map((file, index) => ({ file, result: results[index] })),
      /** The contracts of one file, for taking a removed file's contracts off the list. */
      idsOf: (fileId: string) =>
        results[files.findIndex((f) => f.id === fileId)]?.data?.map((c) => c.id) ?? [],
    }),
  });
}

/** The manual contract list: the contracts of each bundled file as checkboxes, grouped by file. */
export function ManualContractsPicker({
  byFile,
  chosen,
  onToggle,
  error,
}: {
  byFile: ReturnType<typeof useFileContracts>["byFile"];
  chosen: readonly string[];
  onToggle: (contractId: string, on: boolean) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-4">
      {error ? <Alert>{error}</Alert> : null}
      <p className="text-sm text-slate-600">{t("access.editor.manualChosen", { count: chosen.length })}</p>
      {byFile.map(({ file, result }) => (
        <div key={file.id}>
          {result?.isPending ? (
            <Loading />
          ) : result?.isError ? (
            <Alert>{t("access.editor.contractsFailed", { file: file.displayName })}</Alert>
          ) : (
            <CheckboxGroup legend={t("access.editor.contractsOf", { file: file.displayName })}>
              {(result?.data ?? []).length === 0 ? (
                <p className="text-sm text-slate-600">{t("access.editor.noContracts")}</p>
              ) : (
                (result?.data ?? []).map((contract: Contract) => (
                  <CheckboxField
                    key={contract.id}
                    label={
                      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <span>
                          {contract.lineOfBusiness ? (
                            <span className="font-medium">{contract.lineOfBusiness.code} · </span>
                          ) : null}
                          {contract.insurer}
                          {contract.number ? ` ${contract.number}` : ""}
                        </span>
                        <Pill tone={toneOf[contract.category]}>
                          {t(`records.contractCategory.${contract.category}`)}
                        </Pill>
                      </span>
                    }
                    checked={chosen.includes(contract.id)}
                    onChange={(event) => onToggle(contract.id, event.target.checked)}
                  />
                ))
              )}
            </CheckboxGroup>
          )}
        </div>
      ))}
    </div>
  );
}
