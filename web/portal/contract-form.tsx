import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../contracts/common";
import { type PortalContract, portalEditableContractStatuses } from "../../contracts/portal";
import { premiumFrequencies } from "../../contracts/records";
import { amountField, amountOrNull, currencyCode, currencyField, textOrNull } from "../ui/amounts";
import { AmountField, ChoiceOptions, CurrencyField } from "../ui/inputs";
import { LineOfBusinessSelect } from "../ui/line-select";
import { Select } from "../ui/select";
import { TextField } from "../ui/text-field";
import { usePortalFile } from "./file-context";
import { usePortalList } from "./portal-api";
import { usePortalForm } from "./portal-form";
import { usePortalFormat } from "./portal-format";
import { DialogForm } from "./portal-ui";

function contractSchema(language: Language) {
  return z
    .object({
      status: z.enum(portalEditableContractStatuses),
      insurer: z.string().trim().min(1, "validation.required"),
      number: z.string(),
      productName: z.string(),
      risk: z.string(),
      lineOfBusinessId: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      premium: amountField(language, true),
      premiumFrequency: z.union([z.enum(premiumFrequencies), z.literal("")]),
      currency: currencyField,
    })
    .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
      path: ["endDate"],
      message: "records.validation.endBeforeStart",
    });
}

/**
 * Changes a contract the client holds with another provider (PORTAL-8), its line of business chosen
 * from the firm's. The dates that decide what a contract is (offer, application, policy) stay the
 * firm's to set.
 */
export function ContractForm({ contract, onDone }: { contract: PortalContract; onDone: () => void }) {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId } = usePortalFile();
  const lines = usePortalList(firmId, fileId, "lines-of-business");
  const status = contract.status === "partly_foreign" ? "partly_foreign" : "foreign";
  const { field, shell } = usePortalForm({
    schema: contractSchema,
    onDone,
    defaultValues: {
      status,
      insurer: contract.insurer,
      number: contract.number ?? "",
      productName: contract.productName ?? "",
      risk: contract.risk ?? "",
      lineOfBusinessId: contract.lineOfBusiness?.id ?? "",
      startDate: contract.startDate ?? "",
      endDate: contract.endDate ?? "",
      premium: format.amountForInput(contract.premium),
      premiumFrequency: contract.premiumFrequency ?? "",
      currency: contract.currency,
    },
    toChange: (v, language) => ({
      path: `contracts/${contract.id}`,
      method: "PATCH",
      body: {
        status: v.status,
        insurer: v.insurer.trim(),
        number: textOrNull(v.number),
        productName: textOrNull(v.productName),
        risk: textOrNull(v.risk),
        lineOfBusinessId: v.lineOfBusinessId || null,
        startDate: v.startDate || null,
        endDate: v.endDate || null,
        premium: amountOrNull(v.premium, language),
        premiumFrequency: v.premiumFrequency || null,
        currency: currencyCode(v.currency),
      },
    }),
  });
  return (
    <DialogForm {...shell}>
      <p className="text-base text-slate-700">{t("portal.contracts.editIntro")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("portal.contracts.insurer")} {...field("insurer")} />
        <TextField label={t("portal.contracts.number")} {...field("number")} />
        <TextField label={t("portal.contracts.product")} {...field("productName")} />
        <TextField label={t("portal.contracts.risk")} {...field("risk")} />
        <LineOfBusinessSelect
          label={t("portal.contracts.line")}
          noneLabel={t("portal.contracts.noLine")}
          lines={lines.data?.linesOfBusiness}
          current={contract.lineOfBusiness}
          {...field("lineOfBusinessId")}
        />
        <Select label={t("portal.contracts.heldWith")} {...field("status")}>
          <ChoiceOptions
            values={portalEditableContractStatuses}
            labelOf={(s) => t(`portal.contractCategory.${s}`)}
          />
        </Select>
        <TextField type="date" label={t("portal.contracts.startDate")} {...field("startDate")} />
        <TextField type="date" label={t("portal.contracts.endDate")} {...field("endDate")} />
        <AmountField label={t("portal.contracts.premium")} {...field("premium")} />
        <Select label={t("portal.contracts.frequency")} {...field("premiumFrequency")}>
          <option value="">{t("portal.contracts.noFrequency")}</option>
          <ChoiceOptions values={premiumFrequencies} labelOf={(f) => t(`portal.frequency.${f}`)} />
        </Select>
        <CurrencyField {...field("currency")} />
      </div>
    </DialogForm>
  );
}
