/** A pairing's display title from its sides' authority names: "Belfast – Medellín, Santiago de Cali". */
export function pairingTitle(eu: readonly string[], partner: readonly string[]): string {
  return [eu.join(', '), partner.join(', ')].filter(Boolean).join(' – ');
}
