import type { LineOfBusiness } from "../../contracts/records";
import { Select, type SelectProps } from "./select";

/**
 * The line of business (Sparte) of a contract: none, or one of the firm's active lines. A contract
 * keeps a line the firm has since switched off, so it is offered too and saving does not drop it.
 */
export function LineOfBusinessSelect({
  lines,
  current,
  noneLabel,
  ...select
}: Omit<SelectProps, "children"> & {
  /** The firm's active lines (undefined while loading). */
  lines: readonly LineOfBusiness[] | undefined;
  /** The contract's line as it is now; null for a new contract or one without a line. */
  current: LineOfBusiness | null;
  noneLabel: string;
}) {
  const options = [...(lines ?? [])];
  if (current && !options.some((l) => l.id === current.id)) options.push(current);
  return (
    <Select {...select}>
      <option value="">{noneLabel}</option>
      {options.map((line) => (
        <option key={line.id} value={line.id}>
          {line.code} – {line.name}
        </option>
      ))}
    </Select>
  );
}
