/** Decimal degrees to 5 decimals (≈ 1 m), the precision the inspector, its map label and the profile show and the tests check. */
export function formatDegrees(value: number): string {
  return value.toFixed(5);
}
