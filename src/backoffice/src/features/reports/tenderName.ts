import { StoreOptions } from '../../../../shared/store/options'

/** The tenders every store starts with, by id, with the English names registers record. */
const builtInLabels = new Map(
  StoreOptions.parse({}).tenderMethods.map((tender) => [tender.id, tender.label]),
)

/**
 * A payment method's name in the reader's language: a store's own tender keeps the name the store
 * gave it; a built-in tender still under its English default name is translated.
 */
export function tenderName(
  method: string,
  label: string,
  translate: (key: string) => string,
): string {
  return builtInLabels.get(method) === label ? translate(`tenders.${method}`) : label
}
