import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { PortalAddress } from "../../contracts/portal";
import { QueryView } from "../ui/query-view";
import { TextField } from "../ui/text-field";
import { useListActions, usePortalFile } from "./file-context";
import { ItemActions } from "./item-actions";
import { usePortalList } from "./portal-api";
import { useEditing, usePortalForm } from "./portal-form";
import { contractLine } from "./portal-format";
import { Details, DialogForm, EmptyNote, ItemCard, ItemList, PortalDialog, SectionHeader } from "./portal-ui";

/** Reference addresses — the places the contracts cover (PORTAL-4); changeable where allowed (PORTAL-8). */
export function AddressesSection() {
  const { t } = useTranslation();
  const { firmId, fileId } = usePortalFile();
  const may = useListActions("addresses");
  const list = usePortalList(firmId, fileId, "addresses");
  const edit = useEditing<PortalAddress>();

  return (
    <>
      <SectionHeader title={t("portal.sections.addresses")} intro={t("portal.addresses.intro")} />
      <QueryView query={list}>
        {(data) =>
          data.addresses.length === 0 ? (
            <EmptyNote>{t("portal.addresses.empty")}</EmptyNote>
          ) : (
            <ItemList label={t("portal.sections.addresses")}>
              {data.addresses.map((address) => (
                <ItemCard
                  key={address.id}
                  title={address.label}
                  actions={
                    may.change && address.editable ? (
                      <ItemActions name={address.label} onEdit={() => edit.openEdit(address)} />
                    ) : null
                  }
                >
                  <Details
                    items={[
                      [
                        t("portal.addresses.address"),
                        <address key="a" className="not-italic">
                          {address.street}
                          <br />
                          {address.postalCode} {address.city}
                          {address.country ? ` (${address.country})` : ""}
                        </address>,
                      ],
                      [
                        t("portal.addresses.contracts"),
                        address.contracts.length > 0 ? (
                          <ul key="contracts" className="flex flex-col gap-1">
                            {address.contracts.map((c) => (
                              <li key={c.id}>{contractLine(c)}</li>
                            ))}
                          </ul>
                        ) : null,
                      ],
                    ]}
                  />
                </ItemCard>
              ))}
            </ItemList>
          )
        }
      </QueryView>
      <PortalDialog open={edit.open} title={t("portal.addresses.editTitle")} onClose={edit.close}>
        {edit.record ? <AddressForm address={edit.record} onDone={edit.close} /> : null}
      </PortalDialog>
    </>
  );
}

const addressSchema = () =>
  z.object({
    label: z.string().trim().min(1, "validation.required"),
    street: z.string().trim().min(1, "validation.required"),
    postalCode: z.string().trim().min(1, "validation.required"),
    city: z.string().trim().min(1, "validation.required"),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "portal.addresses.countryInvalid"),
  });

function AddressForm({ address, onDone }: { address: PortalAddress; onDone: () => void }) {
  const { t } = useTranslation();
  const { field, shell } = usePortalForm({
    schema: addressSchema,
    onDone,
    defaultValues: {
      label: address.label,
      street: address.street,
      postalCode: address.postalCode,
      city: address.city,
      country: address.country,
    },
    toChange: (v) => ({
      path: `addresses/${address.id}`,
      method: "PATCH",
      body: {
        label: v.label.trim(),
        street: v.street.trim(),
        postalCode: v.postalCode.trim(),
        city: v.city.trim(),
        country: v.country.trim().toUpperCase(),
      },
    }),
  });
  return (
    <DialogForm {...shell}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField className="sm:col-span-2" label={t("portal.addresses.label")} {...field("label")} />
        <TextField
          className="sm:col-span-2"
          autoComplete="street-address"
          label={t("portal.addresses.street")}
          {...field("street")}
        />
        <TextField
          autoComplete="postal-code"
          label={t("portal.addresses.postalCode")}
          {...field("postalCode")}
        />
        <TextField autoComplete="address-level2" label={t("portal.addresses.city")} {...field("city")} />
        <TextField
          maxLength={2}
          autoCapitalize="characters"
          label={t("portal.addresses.country")}
          hint={t("portal.addresses.countryHint")}
          {...field("country")}
        />
      </div>
    </DialogForm>
  );
}
